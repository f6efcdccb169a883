/** Types the staff pages' keys from the French texts, so a typo in t("…") is a compile error. */
import "i18next";
import type staff from "../../../locales/fr/staff.json";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "staff";
    resources: { staff: typeof staff };
  }
}
