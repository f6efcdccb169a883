import "./account.css";
import { useEffect, useRef, useState } from "preact/hooks";
/**
 * /connexion: NC Connect (when the server offers it), or an email address / a mobile number and
 * then the 6-digit code it received. One question at a time; errors say what to do in words.
 * `?retour=/<address>` (a hand-off's QR code) leads there once signed in, instead of "Mon espace".
 */
import type { CodeSent } from "../../shared/api/account";
import { useTranslation } from "../i18n/use-translation";
import { usePageTitle } from "../layout/use-page-title";
import { navigate } from "../routing/router";
import { paths } from "../routing/routes";
import { checkCode, fetchSignInOptions, ncConnectStartUrl, requestCode } from "../sync/account-api";
import { isSignedInHint } from "../sync/signed-in-hint";
import { accountErrorText } from "./account-error";
import { keepReturnAddress, returnAddress } from "./return-address";

type Step =
  | { readonly kind: "address" }
  | { readonly kind: "code"; readonly sent: CodeSent; readonly address: string };

export function SignInPage() {
  const { t, language } = useTranslation();
  usePageTitle(t("account:signIn.title"));
  const [ncConnect, setNcConnect] = useState(false);
  const [step, setStep] = useState<Step>({ kind: "address" });
  const [error, setError] = useState<string | undefined>(() =>
    new URLSearchParams(window.location.search).get("erreur") === "nc-connect"
      ? t("account:errors.nc-connect")
      : undefined,
  );
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const codeInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    // Already signed in on this device: straight to where the link leads.
    const then = returnAddress();
    if (then && isSignedInHint()) return navigate(then, { replace: true });
    heading.current?.focus();
    fetchSignInOptions().then(
      (options) => setNcConnect(options.ncConnect),
      () => setNcConnect(false),
    );
  }, []);
  useEffect(() => {
    if (step.kind === "code") codeInput.current?.focus();
  }, [step]);

  async function askCode(event: Event) {
    event.preventDefault();
    const address = String(new FormData(event.currentTarget as HTMLFormElement).get("address") ?? "").trim();
    setBusy(true);
    setError(undefined);
    try {
      setStep({ kind: "code", sent: await requestCode(address, language), address });
    } catch (problem) {
      setError(accountErrorText(problem));
    } finally {
      setBusy(false);
    }
  }

  async function sendCode(event: Event) {
    event.preventDefault();
    if (step.kind !== "code") return;
    const code = String(new FormData(event.currentTarget as HTMLFormElement).get("code") ?? "").replace(
      /\s/g,
      "",
    );
    if (!/^\d{6}$/.test(code)) {
      setError(t("account:errors.code_format"));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await checkCode(step.sent.attemptId, code);
      navigate(returnAddress() ?? paths.account());
    } catch (problem) {
      setError(accountErrorText(problem));
      setBusy(false);
    }
  }

  const errorLine = error && (
    <p id="sign-in-error" class="account-error" role="alert">
      {error}
    </p>
  );

  return (
    <div class="sign-in">
      <h1 ref={heading} tabIndex={-1}>
        {t("account:signIn.title")}
      </h1>
      <p class="lead">{t("account:signIn.intro")}</p>
      {step.kind === "address" ? (
        <>
          {ncConnect && (
            <div class="account-section">
              <a class="button" href={ncConnectStartUrl} onClick={keepReturnAddress}>
                {t("account:signIn.ncConnect")}
              </a>
              <p class="account-form__hint">{t("account:signIn.ncConnectHint")}</p>
              <p>{t("account:signIn.or")}</p>
            </div>
          )}
          <form class="account-form" onSubmit={askCode} noValidate>
            <label for="sign-in-address">{t("account:signIn.addressLabel")}</label>
            <p id="sign-in-address-hint" class="account-form__hint">
              {t("account:signIn.addressHint")}
            </p>
            {errorLine}
            <input
              id="sign-in-address"
              name="address"
              type="text"
              inputMode="email"
              autoComplete="email"
              spellcheck={false}
              maxLength={254}
              required
              aria-describedby={error ? "sign-in-address-hint sign-in-error" : "sign-in-address-hint"}
              aria-invalid={error ? "true" : undefined}
            />
            <button class="button" type="submit" disabled={busy}>
              {busy ? t("account:signIn.sending") : t("account:signIn.sendCode")}
            </button>
          </form>
        </>
      ) : (
        <form class="account-form" onSubmit={sendCode} noValidate>
          <p role="status">
            {step.sent.channel === "email"
              ? t("account:signIn.codeSentEmail", { address: step.address })
              : t("account:signIn.codeSentSms", { address: step.address })}
          </p>
          <label for="sign-in-code">{t("account:signIn.codeLabel")}</label>
          <p id="sign-in-code-hint" class="account-form__hint">
            {t("account:signIn.codeHint")}
          </p>
          {errorLine}
          <input
            ref={codeInput}
            id="sign-in-code"
            name="code"
            type="text"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]*"
            maxLength={6}
            required
            aria-describedby={error ? "sign-in-code-hint sign-in-error" : "sign-in-code-hint"}
            aria-invalid={error ? "true" : undefined}
          />
          <button class="button" type="submit" disabled={busy}>
            {t("account:signIn.submitCode")}
          </button>
          <button
            class="link-button"
            type="button"
            onClick={() => {
              setError(undefined);
              setStep({ kind: "address" });
            }}
          >
            {t("account:signIn.otherAddress")}
          </button>
        </form>
      )}
    </div>
  );
}
