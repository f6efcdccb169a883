/**
 * /personnel/connexion: email and password, then the 6-digit code of the person's authenticator
 * app. At the first sign-in the server hands out a new TOTP secret: shown as a QR code to scan and
 * as text to type, then the first code proves it is set up.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { navigate } from "../../app/routing/router";
import {
  directoryOffered,
  directorySignInPath,
  type StaffProblem,
  signInWithCode,
  signInWithPassword,
} from "../api/staff-api";
import { t } from "../i18n/staff-i18n";
import { usePageTitle } from "../layout/staff-layout";
import { landingPath } from "../routing/staff-routes";
import { QrCode } from "./qr-code";
import { signedIn, useStaffSession } from "./staff-session";

/** The directory's round trip comes back to this page with `?probleme=<code>` when it failed. */
function problemOfAddress(): StaffProblem | undefined {
  const code = new URLSearchParams(window.location.search).get("probleme");
  return code === "staff_directory_failed" || code === "staff_not_provisioned" ? code : undefined;
}

type Step = { readonly name: "password" } | { readonly name: "code"; readonly setupUrl?: string };

/** The secret of an otpauth:// address, in groups of four as authenticator apps show it. */
function secretOf(otpauthUrl: string): string {
  const secret = new URL(otpauthUrl).searchParams.get("secret") ?? "";
  return secret.replace(/(.{4})/g, "$1 ").trim();
}

function problemText(problem: StaffProblem): string {
  switch (problem) {
    case "staff_sign_in_failed":
    case "staff_locked":
    case "staff_too_many_attempts":
    case "staff_wrong_code":
    case "staff_sign_in_expired":
    case "staff_directory_failed":
    case "staff_not_provisioned":
    case "network":
      return t(`errors.${problem}`);
    default:
      return t("errors.unexpected");
  }
}

export function SignInPage() {
  const session = useStaffSession();
  const [step, setStep] = useState<Step>({ name: "password" });
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [problem, setProblem] = useState<StaffProblem | undefined>(problemOfAddress);
  const [directory, setDirectory] = useState(false);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  usePageTitle(t("signIn.title"));

  useEffect(() => {
    if (session.status === "signed-in") navigate(landingPath(session.me.roles), { replace: true });
  }, [session]);

  useEffect(() => {
    if (step.name === "code") heading.current?.focus();
  }, [step]);

  useEffect(() => {
    void directoryOffered().then(setDirectory);
  }, []);

  const sendPassword = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const answer = await signInWithPassword(email.trim(), password);
    setBusy(false);
    if (!answer.ok) return setProblem(answer.problem);
    setProblem(undefined);
    setPassword("");
    setStep(
      answer.value.next === "totp-setup"
        ? { name: "code", setupUrl: answer.value.otpauthUrl }
        : { name: "code" },
    );
  };

  const sendCode = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const answer = await signInWithCode(code.replace(/\s/g, ""));
    setBusy(false);
    setCode("");
    if (!answer.ok) {
      setProblem(answer.problem);
      // Past the pending sign-in's life, or locked: the password must be typed again.
      if (answer.problem !== "staff_wrong_code") setStep({ name: "password" });
      return;
    }
    navigate(signedIn(answer.value) ?? landingPath(answer.value.roles), { replace: true });
  };

  const notice =
    session.status === "signed-out" && session.reason && step.name === "password" && !problem
      ? t(`signIn.${session.reason}`)
      : undefined;

  return (
    <main class="page staff-page staff-sign-in">
      <p class="site-header__name">{t("layout.name")}</p>
      <h1 ref={heading} tabIndex={-1}>
        {step.name === "password"
          ? t("signIn.title")
          : step.setupUrl
            ? t("signIn.setupTitle")
            : t("signIn.codeTitle")}
      </h1>
      {notice && (
        <p class="notice notice--info" role="status">
          {notice}
        </p>
      )}
      {problem && (
        <p class="notice notice--error" role="alert">
          {problemText(problem)}
        </p>
      )}
      {step.name === "password" && directory && (
        <div class="staff-directory">
          <a class="button" href={directorySignInPath}>
            {t("signIn.directory")}
          </a>
          <p>{t("signIn.orPassword")}</p>
        </div>
      )}
      {step.name === "password" ? (
        <form class="staff-form" onSubmit={sendPassword}>
          <label for="staff-email">{t("signIn.email")}</label>
          <input
            id="staff-email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onInput={(event) => setEmail(event.currentTarget.value)}
          />
          <label for="staff-password">{t("signIn.password")}</label>
          <input
            id="staff-password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onInput={(event) => setPassword(event.currentTarget.value)}
          />
          <button type="submit" class="button" disabled={busy}>
            {t("signIn.continue")}
          </button>
        </form>
      ) : (
        <form class="staff-form" onSubmit={sendCode}>
          {step.setupUrl && (
            <div class="staff-setup">
              <p>{t("signIn.setupIntro")}</p>
              <QrCode text={step.setupUrl} label={t("signIn.qrLabel")} />
              <p>{t("signIn.setupManual")}</p>
              <p class="staff-secret" data-testid="totp-secret">
                {secretOf(step.setupUrl)}
              </p>
            </div>
          )}
          <label for="staff-code">{t("signIn.code")}</label>
          <input
            id="staff-code"
            type="text"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]*"
            maxLength={8}
            required
            value={code}
            onInput={(event) => setCode(event.currentTarget.value)}
          />
          <button type="submit" class="button" disabled={busy}>
            {t("signIn.signIn")}
          </button>
        </form>
      )}
    </main>
  );
}
