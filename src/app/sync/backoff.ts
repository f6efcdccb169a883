/**
 * When to try again after a failed send: exponential (2 s, 4 s, 8 s… capped at 5 minutes) with
 * "equal jitter", so a hundred phones coming back online together do not all knock at once.
 * Reset to the first delay when the network returns.
 */
const BASE_MS = 2_000;
const CAP_MS = 5 * 60_000;

export function retryDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempt));
  return ceiling / 2 + (random() * ceiling) / 2;
}
