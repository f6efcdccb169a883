/**
 * The files joined to one message, each a link that saves it on the device and opens it with the
 * phone's own viewer: from the device when it was kept (the province's, up to a few MB per
 * request, sync/exchanges.ts), else from the server while online; offline, one that was too big
 * to keep says it needs the network.
 */
import { useEffect, useState } from "preact/hooks";
import type { MessageAttachmentView } from "../../../shared/api/agents";
import { apiPaths } from "../../../shared/api/paths";
import type { DocumentType } from "../../../shared/document-type";
import { formatBytes } from "../../format/format";
import { useTranslation } from "../../i18n/use-translation";
import { useOnline } from "../../pwa/use-online";
import { readMessageFile } from "../../storage/message-files";
import { FORMAT_NAMES } from "../fields/document-texts";

interface Props {
  readonly requestId: string;
  readonly files: readonly MessageAttachmentView[];
}

export function MessageFiles({ requestId, files }: Props) {
  const { t, language } = useTranslation();
  const online = useOnline();
  const kept = useKeptFiles(files);
  if (files.length === 0) return null;
  return (
    <ul class="message__files" aria-label={t("exchanges:messages.files")}>
      {files.map((file, index) => {
        const name = file.name || t("exchanges:messages.unnamed", { position: index + 1 });
        const what = t("exchanges:messages.file", {
          name,
          format: FORMAT_NAMES[file.type as DocumentType] ?? file.type,
          size: formatBytes(file.size, language),
        });
        const href =
          kept.get(file.id) ?? (online ? apiPaths.requestAttachment(requestId, file.id) : undefined);
        return (
          <li key={file.id}>
            {href ? (
              <a href={href} download={name}>
                {what}
              </a>
            ) : (
              <span>
                {what} {t("exchanges:messages.fileNeedsNetwork")}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** An address for each file kept on the device, let go when the message leaves the page. */
function useKeptFiles(files: readonly MessageAttachmentView[]): ReadonlyMap<string, string> {
  const [urls, setUrls] = useState<ReadonlyMap<string, string>>(new Map());
  const ids = files.map((file) => file.id).join(",");
  useEffect(() => {
    let current = true;
    const made: string[] = [];
    void Promise.all(ids.split(",").filter(Boolean).map(readMessageFile)).then((records) => {
      if (!current) return;
      const found = new Map<string, string>();
      for (const record of records)
        if (record) {
          const url = URL.createObjectURL(record.blob);
          made.push(url);
          found.set(record.id, url);
        }
      setUrls(found);
    });
    return () => {
      current = false;
      for (const url of made) URL.revokeObjectURL(url);
    };
  }, [ids]);
  return urls;
}
