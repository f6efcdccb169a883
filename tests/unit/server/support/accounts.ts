/** Signing in the way the app does, with the code read from the outbox files the server writes. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Hono } from "hono";
import { expect } from "vitest";
import type { TestServer } from "./test-server";

export const SESSION_COOKIE = "__Host-pap_session";

/** A clock the test moves forward, for expiry rules. */
export function testClock(start = Date.now()) {
  let time = start;
  return {
    now: () => new Date(time),
    advanceMinutes(minutes: number) {
      time += minutes * 60_000;
    },
  };
}

export function postJson(app: Hono, path: string, body: unknown, headers: Record<string, string> = {}) {
  return app.request(path, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

/** The client's address as @hono/node-server would give it, for the per-client limit. */
export const fromClient = (ip: string) => ({ incoming: { socket: { remoteAddress: ip } } });

export async function askCode(server: TestServer, address: string, ip = "192.0.2.1") {
  return server.app.request(
    "/api/account/code",
    {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ address }),
    },
    fromClient(ip),
  );
}

/** The newest outbox message to `to`, once the queue has sent what is due. */
export async function lastMessageTo(server: TestServer, to: string) {
  await server.services.account.queue.drain();
  const directory = join(server.dataDir, "outbox");
  const messages = readdirSync(directory)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map(
      (name) =>
        JSON.parse(readFileSync(join(directory, name), "utf8")) as {
          to: string;
          text: string;
          subject: string;
        },
    );
  const found = messages.filter((message) => message.to === to).at(-1);
  expect(found, `a message to ${to}`).toBeDefined();
  return found as { to: string; text: string; subject: string };
}

export const codeIn = (text: string) => /\b(\d{6})\b/.exec(text)?.[1] ?? "";

export function sessionCookieOf(response: Response): string | undefined {
  for (const header of response.headers.getSetCookie()) {
    const [pair = ""] = header.split(";");
    const [name, value] = pair.split("=");
    if (name === SESSION_COOKIE) return value || undefined;
  }
  return undefined;
}

export const withSession = (token: string, headers: Record<string, string> = {}) => ({
  ...headers,
  Cookie: `${SESSION_COOKIE}=${token}`,
});

/** Signs `address` in with a code; resolves to the session token. */
export async function signInWithCode(
  server: TestServer,
  address: string,
  headers: Record<string, string> = {},
) {
  const asked = await askCode(server, address);
  expect(asked.status).toBe(202);
  const { attemptId } = (await asked.json()) as { attemptId: string };
  const code = codeIn((await lastMessageTo(server, address)).text);
  const checked = await postJson(server.app, "/api/account/code/check", { attemptId, code }, headers);
  expect(checked.status).toBe(200);
  const token = sessionCookieOf(checked);
  expect(token).toBeDefined();
  return token as string;
}
