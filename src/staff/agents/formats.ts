/** Dates and amounts as the province writes them, in Nouméa's time whatever the computer's. */
import { i18n, t } from "../i18n/staff-i18n";

const ZONE = "Pacific/Noumea";

export const formatDay = (iso: string): string =>
  new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeZone: ZONE }).format(new Date(iso));

export const formatMoment = (iso: string): string =>
  new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short", timeZone: ZONE }).format(
    new Date(iso),
  );

export const formatSize = (bytes: number): string =>
  bytes < 1024 * 1024
    ? t("agents.sizeKb", { size: Math.max(1, Math.round(bytes / 1024)) })
    : t("agents.sizeMb", {
        size: (bytes / (1024 * 1024)).toLocaleString(i18n.language, { maximumFractionDigits: 1 }),
      });
