/**
 * Gives up on a transfer that stopped moving. A connection can stall without failing (a phone
 * between two cells, a captive portal): without a limit the person would read "Envoi… 40 %"
 * forever and no later try would start. Any sign of progress restarts the count.
 */
export interface StallGuard {
  /** Bytes moved, or a step done: the transfer is alive. */
  alive(): void;
  stop(): void;
}

export function guardAgainstStall(limitMs: number, onStall: () => void): StallGuard {
  let timer = setTimeout(onStall, limitMs);
  return {
    alive: () => {
      clearTimeout(timer);
      timer = setTimeout(onStall, limitMs);
    },
    stop: () => clearTimeout(timer),
  };
}
