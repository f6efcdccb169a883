import "./account.css";
import { useEffect, useRef, useState } from "preact/hooks";
/**
 * /compte, "Mon espace": who I am and how I sign in, where my account is open (with a way to
 * close each, or all), my data as a file, and deleting my account, said plainly: requests
 * already sent stay with the province.
 */
import type { Account, AccountSession, SignedOut } from "../../shared/api/account";
import { formatDate, formatTime, localIsoDate } from "../format/format";
import { useTranslation } from "../i18n/use-translation";
import { usePageTitle } from "../layout/use-page-title";
import { AttachRequestsOffer } from "../requests/attach-requests-offer";
import { Link } from "../routing/link";
import { navigate } from "../routing/router";
import { paths } from "../routing/routes";
import {
  accountDataUrl,
  closeSession,
  deleteAccount,
  fetchAccount,
  fetchSessions,
  signOut,
  signOutEverywhere,
} from "../sync/account-api";
import { changesNotInAccount } from "../sync/changes-not-in-account";
import { accountErrorText } from "./account-error";
import { AttachDraftsOffer } from "./attach-drafts-offer";
import { takeReturnAddress } from "./return-address";

type State =
  | { readonly kind: "loading" }
  | { readonly kind: "signed-out"; readonly notice?: "signedOutDone" | "deleted" }
  | { readonly kind: "signed-in"; readonly account: Account; readonly sessions: AccountSession[] };

export function AccountPage() {
  const { t, language } = useTranslation();
  usePageTitle(t("account:page.title"));
  const [state, setState] = useState<State>({ kind: "loading" });
  const [error, setError] = useState<string | undefined>();
  const [confirming, setConfirming] = useState(false);
  /** Signing out would lose changes the account does not have yet: the person chooses. */
  const [unsaved, setUnsaved] = useState<{
    readonly count: number;
    readonly action: () => Promise<SignedOut>;
  }>();
  const unsavedHeading = useRef<HTMLParagraphElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  async function load() {
    try {
      const account = await fetchAccount();
      if (!account) return setState({ kind: "signed-out" });
      // Back from NC Connect with a hand-off's address to open.
      const then = takeReturnAddress();
      if (then) return navigate(then, { replace: true });
      setState({ kind: "signed-in", account, sessions: await fetchSessions() });
    } catch (problem) {
      // Signed out meanwhile (from another device): fetchSessions said so.
      const again = await fetchAccount().catch(() => undefined);
      if (!again) setState({ kind: "signed-out" });
      else setError(accountErrorText(problem));
    }
  }

  useEffect(() => {
    void load();
  }, []);
  useEffect(() => {
    if (state.kind !== "loading") heading.current?.focus();
  }, [state.kind]);

  useEffect(() => {
    if (unsaved) unsavedHeading.current?.focus();
  }, [unsaved]);

  /** Signing out: what waits goes to the account first; what cannot (offline) is said, and the person chooses. */
  async function signOutFirstSaving(action: () => Promise<SignedOut>) {
    setError(undefined);
    const count = await changesNotInAccount().catch(() => 0);
    if (count > 0) setUnsaved({ count, action });
    else await leave(action, "signedOutDone");
  }

  async function leave(action: () => Promise<SignedOut>, notice: "signedOutDone" | "deleted") {
    setError(undefined);
    setUnsaved(undefined);
    try {
      const { endSessionUrl } = await action();
      // NC Connect ends its own session too, then sends the person back here.
      if (endSessionUrl) window.location.assign(endSessionUrl);
      else setState({ kind: "signed-out", notice });
    } catch (problem) {
      setError(accountErrorText(problem));
    }
  }

  async function close(id: string) {
    setError(undefined);
    try {
      await closeSession(id);
      await load();
    } catch (problem) {
      setError(accountErrorText(problem));
    }
  }

  const title = (
    <h1 ref={heading} tabIndex={-1}>
      {t("account:page.title")}
    </h1>
  );
  if (state.kind === "loading") return <p role="status">{t("loading")}</p>;
  if (state.kind === "signed-out")
    return (
      <div class="account">
        {title}
        {state.notice && <p role="status">{t(`account:page.${state.notice}`)}</p>}
        <p>{t("account:page.signedOut")}</p>
        <Link class="button" href={paths.signIn()}>
          {t("account:page.signInLink")}
        </Link>
      </div>
    );

  const { account, sessions } = state;
  const signIn = account.signIn;
  const name =
    signIn.method === "nc-connect" ? [signIn.givenName, signIn.familyName].filter(Boolean).join(" ") : "";
  return (
    <div class="account">
      {title}
      {error && (
        <p class="account-error" role="alert">
          {error}
        </p>
      )}
      <section class="account-section" aria-labelledby="account-who">
        <h2 id="account-who">{t("account:page.whoHeading")}</h2>
        {signIn.method === "code" ? (
          <p>
            {signIn.channel === "email"
              ? t("account:page.byEmail", { address: signIn.address })
              : t("account:page.bySms", { address: signIn.address })}
          </p>
        ) : (
          <>
            <p>{t("account:page.byNcConnect")}</p>
            {name && <p>{t("account:page.name", { name })}</p>}
            {signIn.email && <p>{t("account:page.email", { email: signIn.email })}</p>}
          </>
        )}
        <p>
          {t("account:page.since", { date: formatDate(localIsoDate(new Date(account.createdAt)), language) })}
        </p>
        <button type="button" onClick={() => void signOutFirstSaving(signOut)}>
          {t("account:page.signOut")}
        </button>
        {unsaved && (
          <div class="notice notice--error" role="alert">
            <p ref={unsavedHeading} tabIndex={-1}>
              {t("account:page.unsaved", { count: unsaved.count })}
            </p>
            <p>{t("account:page.unsavedLost")}</p>
            <button type="button" onClick={() => setUnsaved(undefined)}>
              {t("account:page.stay")}
            </button>
            <button type="button" onClick={() => void leave(unsaved.action, "signedOutDone")}>
              {t("account:page.leaveAnyway")}
            </button>
          </div>
        )}
      </section>

      <AttachRequestsOffer />
      <AttachDraftsOffer />

      <section class="account-section" aria-labelledby="account-sessions">
        <h2 id="account-sessions">{t("account:page.sessionsHeading")}</h2>
        <p>{t("account:page.sessionsIntro")}</p>
        <ul class="session-list">
          {sessions.map((session) => {
            const seen = new Date(session.lastSeenAt);
            return (
              <li key={session.id}>
                <p>
                  <strong>{session.device}</strong>
                  {session.current && ` (${t("account:page.thisDevice")})`}
                </p>
                <p>
                  {t("account:page.lastSeen", {
                    date: formatDate(localIsoDate(seen), language),
                    time: formatTime(seen, language),
                  })}
                </p>
                {!session.current && (
                  <button type="button" onClick={() => void close(session.id)}>
                    {t("account:page.closeSession")}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
        <p>{t("account:page.signOutEverywhereHint")}</p>
        <button type="button" onClick={() => void signOutFirstSaving(signOutEverywhere)}>
          {t("account:page.signOutEverywhere")}
        </button>
      </section>

      <section class="account-section" aria-labelledby="account-data">
        <h2 id="account-data">{t("account:page.dataHeading")}</h2>
        <p>{t("account:page.downloadHint")}</p>
        <a href={accountDataUrl} download>
          {t("account:page.download")}
        </a>
      </section>

      <section class="account-section" aria-labelledby="account-delete">
        <h2 id="account-delete">{t("account:page.deleteHeading")}</h2>
        <p>{t("account:page.deleteExplain")}</p>
        {confirming ? (
          <fieldset class="confirm">
            <legend>{t("account:page.confirmDelete")}</legend>
            <button type="button" onClick={() => void leave(deleteAccount, "deleted")}>
              {t("account:page.confirmYes")}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t("account:page.confirmNo")}
            </button>
          </fieldset>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            {t("account:page.delete")}
          </button>
        )}
      </section>
    </div>
  );
}
