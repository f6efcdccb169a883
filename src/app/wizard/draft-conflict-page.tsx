/**
 * A draft changed on two devices while offline: both versions are kept, and the person is shown
 * which is which (this device's, the other device's, when each was last changed, the answers that
 * differ) before choosing one, the other, or both as two drafts. Nothing is lost until they choose.
 */
import { useState } from "preact/hooks";
import type { AccountDraft } from "../../shared/api/account-drafts";
import type { Answers } from "../../shared/engine/answers";
import { reviewSections } from "../../shared/engine/review";
import type { Field, Flow } from "../../shared/flow/schema";
import { formatDate, formatTime, localIsoDate } from "../format/format";
import { useTranslation } from "../i18n/use-translation";
import { usePageTitle } from "../layout/use-page-title";
import { navigate } from "../routing/router";
import { paths } from "../routing/routes";
import type { DraftRecord } from "../storage/drafts";
import { chooseVersion } from "./draft-sessions";
import { flowText } from "./flow-text";
import { AnswerValue } from "./parts/answer-value";

interface Props {
  readonly flow: Flow;
  readonly here: DraftRecord;
  readonly other: AccountDraft;
}

interface Difference {
  readonly field: Field;
  readonly here: unknown;
  readonly other: unknown;
}

/** The questions on either version's path whose answers are not the same. */
function differences(flow: Flow, here: Answers, other: Answers): Difference[] {
  const fields = new Map<string, Field>();
  for (const answers of [here, other])
    for (const section of reviewSections(flow, answers))
      for (const row of section.rows) if (!fields.has(row.field.id)) fields.set(row.field.id, row.field);
  return [...fields.values()]
    .filter((field) => JSON.stringify(here[field.id]) !== JSON.stringify(other[field.id]))
    .map((field) => ({ field, here: here[field.id], other: other[field.id] }));
}

type Choice = "this-device" | "other-device" | "both";

export function DraftConflictPage({ flow, here, other }: Props) {
  const { t, language } = useTranslation();
  const text = flowText(flow, language);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  usePageTitle(t("wizard:conflict.heading"), text(flow.title));
  const when = (iso: string) => {
    const date = new Date(iso);
    return t("wizard:conflict.changed", {
      date: formatDate(localIsoDate(date), language),
      time: formatTime(date, language),
    });
  };
  const differing = differences(flow, here.answers, other.answers);
  const choose = async (choice: Choice) => {
    setBusy(true);
    setFailed(false);
    try {
      const opened = await chooseVersion(here.id, choice);
      if (opened) navigate(paths.draft(flow.id, opened), { replace: true });
      else setFailed(true);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="draft-conflict" aria-labelledby="conflict-heading">
      <h1 id="conflict-heading" tabIndex={-1}>
        {t("wizard:conflict.heading")}
      </h1>
      <p class="lead">{t("wizard:conflict.intro")}</p>
      <div class="draft-conflict__versions">
        <div>
          <h2>{t("wizard:conflict.here")}</h2>
          <p>{when(here.updatedAt)}</p>
        </div>
        <div>
          <h2>{t("wizard:conflict.other")}</h2>
          <p>{when(other.updatedAt)}</p>
        </div>
      </div>
      {differing.length > 0 && (
        <table class="draft-conflict__differences">
          <caption>{t("wizard:conflict.differences", { count: differing.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("wizard:conflict.question")}</th>
              <th scope="col">{t("wizard:conflict.here")}</th>
              <th scope="col">{t("wizard:conflict.other")}</th>
            </tr>
          </thead>
          <tbody>
            {differing.map((difference) => (
              <tr key={difference.field.id}>
                <th scope="row">{text(difference.field.label)}</th>
                <td>
                  <AnswerValue
                    flow={flow}
                    field={difference.field}
                    value={difference.here}
                    answers={here.answers}
                    text={text}
                  />
                </td>
                <td>
                  <AnswerValue
                    flow={flow}
                    field={difference.field}
                    value={difference.other}
                    answers={other.answers}
                    text={text}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t("wizard:conflict.choose")}</h2>
      {failed && (
        <p class="error-message" role="alert">
          {t("wizard:conflict.failed")}
        </p>
      )}
      <div class="draft-conflict__choices">
        <button type="button" class="button" disabled={busy} onClick={() => void choose("this-device")}>
          {t("wizard:conflict.keepHere")}
        </button>
        <button type="button" class="button" disabled={busy} onClick={() => void choose("other-device")}>
          {t("wizard:conflict.keepOther")}
        </button>
        <button type="button" class="button" disabled={busy} onClick={() => void choose("both")}>
          {t("wizard:conflict.keepBoth")}
        </button>
      </div>
      <p>{t("wizard:conflict.bothExplained")}</p>
    </section>
  );
}
