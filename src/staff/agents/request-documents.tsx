/**
 * The request's documents, each opened in the page: a photo as an image, a PDF in a frame
 * sandboxed twice (the frame here, the server's sandboxing policy on the file), with a link to
 * open it whole. The files come from the documents route, served to this procedure's staff only.
 */
import type { AgentRequestView } from "../../shared/api/agents";
import { agentDocumentPath } from "../api/staff-api";
import { t } from "../i18n/staff-i18n";
import { formatSize } from "./formats";

export function RequestDocuments({
  id,
  documents,
}: {
  id: string;
  documents: AgentRequestView["documents"];
}) {
  return (
    <section class="staff-section" aria-labelledby="documents-title">
      <h2 id="documents-title">{t("agents.documents.title")}</h2>
      {documents.length === 0 ? (
        <p>{t("agents.documents.none")}</p>
      ) : (
        <ul class="agents-documents">
          {documents.map((doc, index) => {
            const path = agentDocumentPath(id, doc.uploadId);
            const name = t("agents.documents.name", { label: doc.label, position: index + 1 });
            return (
              <li key={doc.uploadId}>
                <h3>{name}</h3>
                <p class="staff-hint">
                  {t("agents.documents.kindAndSize", {
                    kind:
                      doc.type === "application/pdf"
                        ? t("agents.documents.pdf")
                        : t("agents.documents.photo"),
                    size: formatSize(doc.size),
                  })}
                </p>
                {doc.type.startsWith("image/") ? (
                  <img class="agents-document" src={path} alt={name} loading="lazy" />
                ) : doc.type === "application/pdf" ? (
                  <iframe class="agents-document agents-document--pdf" src={path} title={name} sandbox="" />
                ) : null}
                <p>
                  <a href={path} target="_blank" rel="noopener">
                    {t("agents.documents.open", { name })}
                  </a>
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
