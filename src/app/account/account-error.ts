/** The sentence for an account API error, from locales/<lng>/account.json. */
import { i18n } from "../i18n/i18n";
import { AccountApiError } from "../sync/account-api";

const KNOWN = new Set(["invalid_address", "too_many_codes", "code_expired", "network"]);

export function accountErrorText(error: unknown): string {
  const t = i18n.t;
  if (!(error instanceof AccountApiError)) return t("account:errors.other");
  if (error.code === "wrong_code") return t("account:errors.wrong_code", { count: error.triesLeft ?? 0 });
  if (KNOWN.has(error.code))
    return t(
      `account:errors.${error.code as "invalid_address" | "too_many_codes" | "code_expired" | "network"}`,
    );
  return t("account:errors.other");
}
