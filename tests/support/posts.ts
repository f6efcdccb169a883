/**
 * A post enrolled straight in the server's SQLite file, as a mediator's enrolment would leave it,
 * for tests run before (or without) a mediator's sign-in; returns the token its cookie carries.
 */
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import Database from "better-sqlite3";
import { randomToken, sha256Hex } from "../../src/server/accounts/tokens";
import { SQLITE_FILE_NAME } from "../../src/server/config";

export function enrolPostInDatabase(dataDir: string, name: string): { id: string; token: string } {
  const db = new Database(join(dataDir, SQLITE_FILE_NAME));
  try {
    const id = randomUUID();
    const token = randomToken();
    db.prepare(
      `INSERT INTO posts (id, name, token_hash, enrolled_by, created_at, removed_at, in_use_since)
       VALUES (?, ?, ?, ?, ?, NULL, NULL)`,
    ).run(id, name, sha256Hex(token), "test-support", new Date().toISOString());
    return { id, token };
  } finally {
    db.close();
  }
}

/** The cookies a mediator's enrolment sets (src/server/api/post-cookie.ts), for a browser context. */
export function postCookies(baseUrl: string, token: string) {
  // A day under the browsers' 400-day cap, which Chromium refuses to be set past.
  const expires = Math.floor(Date.now() / 1000) + 399 * 24 * 3600;
  const common = {
    domain: new URL(baseUrl).hostname,
    path: "/",
    secure: true,
    sameSite: "Lax" as const,
    expires,
  };
  return [
    { ...common, name: "__Host-pap_post", value: token, httpOnly: true },
    { ...common, name: "pap_post", value: "1" },
  ];
}
