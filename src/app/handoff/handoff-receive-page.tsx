/**
 * /reprendre: a draft handed over from another device, by the QR code's link (the code after
 * `#`) or by the code typed. The package is fetched once, opened here, kept as a new draft with
 * its documents, and the page says what it holds before the person goes on where they stopped.
 */
import "../wizard/wizard.css";
import "./handoff.css";
import { procedures } from "virtual:flow-catalogue";
import { useEffect, useRef, useState } from "preact/hooks";
import { personNameOf } from "../catalogue/person-name";
import { procedureTitleKey } from "../catalogue/procedure-title";
import { formatBytes } from "../format/format";
import { useTranslation } from "../i18n/use-translation";
import { usePageTitle } from "../layout/use-page-title";
import { Link } from "../routing/link";
import { paths } from "../routing/routes";
import { askPersistence } from "../storage/persistence";
import { HandoffApiError, type TakeProblem, takePackage } from "../sync/handoff-api";
import { decrypt, WrongKey } from "./crypto";
import { type HandoffCode, parseCode, secretOf } from "./handoff-code";
import { type PackageSummary, summaryOf, unpackDraft } from "./package";

type Problem = TakeProblem | "format" | "wrong_key" | "not_kept";

type State =
  | { readonly kind: "asking"; readonly problem?: Problem }
  | { readonly kind: "opening" }
  | { readonly kind: "opened"; readonly draftId: string; readonly summary: PackageSummary };

async function open(code: HandoffCode): Promise<State> {
  let sealed: Uint8Array<ArrayBuffer>;
  try {
    sealed = await takePackage(code.locator);
  } catch (error) {
    return { kind: "asking", problem: error instanceof HandoffApiError ? error.problem : "unknown" };
  }
  let plain: Uint8Array<ArrayBuffer>;
  try {
    plain = await decrypt(sealed, secretOf(code));
  } catch (error) {
    return { kind: "asking", problem: error instanceof WrongKey ? "wrong_key" : "unknown" };
  }
  try {
    const summary = summaryOf(plain);
    const draftId = await unpackDraft(plain);
    // The draft now lives only here: the browser is asked not to clear it when space runs short.
    await askPersistence(true).catch(() => undefined);
    return { kind: "opened", draftId, summary };
  } catch {
    return { kind: "asking", problem: "not_kept" };
  }
}

export function HandoffReceivePage() {
  const { t } = useTranslation();
  usePageTitle(t("handoff:receive.title"));
  const [state, setState] = useState<State>({ kind: "asking" });
  const heading = useRef<HTMLHeadingElement>(null);
  const result = useRef<HTMLElement>(null);

  async function run(code: HandoffCode) {
    setState({ kind: "opening" });
    setState(await open(code));
  }

  useEffect(() => {
    heading.current?.focus();
    const fromLink = window.location.hash.slice(1);
    if (fromLink === "") return;
    // The code must not stay in the address bar nor in the history of a shared computer.
    history.replaceState(history.state, "", window.location.pathname);
    const code = parseCode(fromLink);
    if (code) void run(code);
    else setState({ kind: "asking", problem: "format" });
  }, []);
  useEffect(() => {
    if (state.kind === "opened" || (state.kind === "asking" && state.problem)) result.current?.focus();
  }, [state]);

  function submit(event: Event) {
    event.preventDefault();
    const typed = String(new FormData(event.currentTarget as HTMLFormElement).get("code") ?? "");
    const code = parseCode(typed);
    if (code) void run(code);
    else setState({ kind: "asking", problem: "format" });
  }

  return (
    <article class="handoff">
      <h1 ref={heading} tabIndex={-1}>
        {t("handoff:receive.title")}
      </h1>
      {state.kind === "opened" ? (
        <Opened draftId={state.draftId} summary={state.summary} headingRef={result} />
      ) : (
        <>
          <p>{t("handoff:receive.intro")}</p>
          {state.kind === "asking" && state.problem && (
            <div
              class="notice notice--error"
              role="alert"
              ref={result as preact.RefObject<HTMLDivElement>}
              tabIndex={-1}
            >
              <p>{t(`handoff:receive.problems.${state.problem}`)}</p>
            </div>
          )}
          <form onSubmit={submit} noValidate>
            <label for="handoff-code">{t("handoff:receive.codeLabel")}</label>
            <p id="handoff-code-hint" class="hint">
              {t("handoff:receive.codeHint")}
            </p>
            <input
              id="handoff-code"
              name="code"
              type="text"
              autocomplete="off"
              autocapitalize="characters"
              spellcheck={false}
              aria-describedby="handoff-code-hint"
              aria-invalid={state.kind === "asking" && state.problem === "format"}
            />
            <button type="submit" class="button" disabled={state.kind === "opening"}>
              {state.kind === "opening" ? t("handoff:receive.opening") : t("handoff:receive.open")}
            </button>
          </form>
          {state.kind === "opening" && <p role="status">{t("handoff:receive.opening")}</p>}
        </>
      )}
    </article>
  );
}

function Opened({
  draftId,
  summary,
  headingRef,
}: {
  draftId: string;
  summary: PackageSummary;
  headingRef: preact.RefObject<HTMLElement>;
}) {
  const { t, translateKey, language } = useTranslation();
  const titleKey = procedureTitleKey(summary.flowId);
  const fields = procedures.find((p) => p.id === summary.flowId)?.personName ?? [];
  const person = personNameOf(fields, summary.answers);
  return (
    <section aria-labelledby="handoff-opened">
      <h2 id="handoff-opened" ref={headingRef as preact.RefObject<HTMLHeadingElement>} tabIndex={-1}>
        {t("handoff:receive.openedHeading")}
      </h2>
      <dl class="summary-list">
        <div class="summary-list__row">
          <dt>{t("handoff:receive.procedure")}</dt>
          <dd>{titleKey ? translateKey(titleKey) : summary.flowId}</dd>
        </div>
        <div class="summary-list__row">
          <dt>{t("handoff:receive.person")}</dt>
          <dd>{person ?? t("drafts.noName")}</dd>
        </div>
        <div class="summary-list__row">
          <dt>{t("handoff:receive.where")}</dt>
          <dd>
            {summary.progress.step > 0
              ? t("drafts.progress", summary.progress)
              : t("handoff:receive.atStart")}
          </dd>
        </div>
        <div class="summary-list__row">
          <dt>{t("handoff:receive.documents")}</dt>
          <dd>
            {summary.documents.length === 0 ? (
              t("handoff:receive.noDocuments")
            ) : (
              <ul>
                {summary.documents.map((document, index) => (
                  <li key={index}>
                    {document.name} ({formatBytes(document.size, language)})
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
      <p>{t("handoff:receive.keptHere")}</p>
      <p>
        <Link
          class="button"
          href={
            summary.step
              ? paths.step(summary.flowId, draftId, summary.step)
              : paths.draft(summary.flowId, draftId)
          }
        >
          {t("handoff:receive.continue")}
        </Link>
      </p>
    </section>
  );
}
