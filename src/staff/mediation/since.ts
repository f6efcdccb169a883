/** "14:32, il y a 3 minutes": when a call or a post's use began, kept current by a clock. */
import { useEffect, useState } from "preact/hooks";
import { i18n, t } from "../i18n/staff-i18n";

export function useMinuteClock(): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function since(iso: string, now: number): string {
  const at = new Date(iso);
  const time = at.toLocaleTimeString(i18n.language, { hour: "2-digit", minute: "2-digit" });
  const count = Math.max(0, Math.floor((now - at.getTime()) / 60_000));
  return count === 0 ? t("board.sinceNow", { time }) : t("board.since", { time, count });
}
