import "./catalogue.css";
import { procedures } from "virtual:flow-catalogue";
import { useTranslation } from "../i18n/use-translation";
import { ProcedureCard } from "./procedure-card";

export function CataloguePage() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t("catalogue.heading")}</h1>
      <p class="lead">{t("catalogue.intro")}</p>
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
