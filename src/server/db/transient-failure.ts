/**
 * PostgreSQL gives up a transaction it cannot order with another — a deadlock (40P01) or a
 * serialization failure (40001) — and expects the client to run it again. Such a failure says
 * nothing about the request: it is retried a few times, after a short random pause so that two
 * transactions that collided do not collide again in step, before it counts as a failure.
 */
const TRANSIENT_CODES = new Set(["40P01", "40001"]);

export const TRANSIENT_ATTEMPTS = 4;

export function isTransientFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && TRANSIENT_CODES.has(code);
}

/** Runs `work` again, up to `attempts` times in all, while it fails transiently. */
export async function retryTransient<T>(work: () => Promise<T>, attempts = TRANSIENT_ATTEMPTS): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isTransientFailure(error)) throw error;
      // 5–20 ms, then 10–40 ms, 20–80 ms: long enough for the other transaction to commit.
      const base = 5 * 2 ** (attempt - 1);
      await new Promise((resolve) => setTimeout(resolve, base + Math.random() * 3 * base));
    }
  }
}
