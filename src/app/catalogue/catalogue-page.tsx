import "./catalogue.css";
import { procedures } from "virtual:flow-catalogue";
import { useTranslation } from "../i18n/use-translation";
import { Link } from "../routing/link";
import { paths } from "../routing/routes";
import { DraftList } from "./draft-list";
import { ProcedureCard } from "./procedure-card";
import { procedureTitleKey } from "./procedure-title";

export function CataloguePage() {
  const { t, translateKey } = useTranslation();
  const titleOf = (flowId: string) => {
    const key = procedureTitleKey(flowId);
    return key && translateKey(key);
  };
  return (
    <>
      <h1 tabIndex={-1}>{t("catalogue.heading")}</h1>
      <p class="lead">{t("catalogue.intro")}</p>
      <p class="catalogue__my-requests">
        <Link href={paths.requests()}>{t("myRequests")}</Link>
      </p>
      <DraftList titleOf={titleOf} />
      {procedures.length === 0 ? (
        <p>{t("catalogue.empty")}</p>
      ) : (
        <ul class="procedure-list">
          {procedures.map((procedure) => (
            <li key={procedure.id}>
              <ProcedureCard procedure={procedure} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
