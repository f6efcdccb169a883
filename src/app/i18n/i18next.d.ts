/** Types UI keys from the French texts, so a typo in t("…") is a compile error. */
import "i18next";
import type account from "../../../locales/fr/account.json";
import type common from "../../../locales/fr/common.json";
import type exchanges from "../../../locales/fr/exchanges.json";
import type fields from "../../../locales/fr/fields.json";
import type handoff from "../../../locales/fr/handoff.json";
import type post from "../../../locales/fr/post.json";
import type requests from "../../../locales/fr/requests.json";
import type wizard from "../../../locales/fr/wizard.json";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "common";
    resources: {
      account: typeof account;
      common: typeof common;
      exchanges: typeof exchanges;
      fields: typeof fields;
      post: typeof post;
      handoff: typeof handoff;
      requests: typeof requests;
      wizard: typeof wizard;
    };
  }
}
