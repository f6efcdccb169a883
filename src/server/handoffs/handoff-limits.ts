/** How big, how many and how long hand-off packages may be (HANDOFF_* in the environment). */
export interface HandoffLimits {
  /** Largest package: a draft with its photos, already shrunk on the device. */
  readonly maxBytes: number;
  /** A package not imported by then is refused (410) and removed by the cleanup. */
  readonly ttlHours: number;
  /** Packages one client may leave each hour. */
  readonly perClientPerHour: number;
  /** Wrong locators one client may try each hour before every try is refused (429). */
  readonly missesPerHour: number;
}

export const DEFAULT_HANDOFF_LIMITS: HandoffLimits = {
  maxBytes: 25 * 1000 * 1000,
  ttlHours: 24,
  // A connected space's 14 posts share one address: each may hand off a few drafts an hour.
  perClientPerHour: 60,
  missesPerHour: 10,
};
