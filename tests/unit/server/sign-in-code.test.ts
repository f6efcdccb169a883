import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Mailbox, startMailbox } from "../../support/mailbox";
import {
  askCode,
  codeIn,
  lastMessageTo,
  postJson,
  SESSION_COOKIE,
  sessionCookieOf,
  signInWithCode,
  testClock,
  withSession,
} from "./support/accounts";
import { DATABASES, reportSkippedPostgres } from "./support/databases";
import { errorOf } from "./support/requests";
import { startTestServer, type TestServer } from "./support/test-server";

reportSkippedPostgres();

const check = (server: TestServer, attemptId: string, code: string) =>
  postJson(server.app, "/api/account/code/check", { attemptId, code });

async function attemptOf(response: Response): Promise<string> {
  expect(response.status).toBe(202);
  return ((await response.json()) as { attemptId: string }).attemptId;
}

describe.each(DATABASES)("signing in with a code on %s", (database) => {
  let server: TestServer;
  const clock = testClock();
  beforeAll(async () => {
    server = await startTestServer(database, {
      accounts: { codesPerClientPerHour: 8 },
      accountOptions: { now: clock.now },
    });
  });
  afterAll(() => server.close());

  it("sends a 6-digit code by email, and answers alike for a new and a known address", async () => {
    await signInWithCode(server, "known@example.nc");
    const known = await askCode(server, "  Known@Example.NC ", "198.51.100.1");
    const unknown = await askCode(server, "nobody-yet@example.nc", "198.51.100.1");
    expect(known.status).toBe(unknown.status);
    const [a, b] = [await known.json(), await unknown.json()];
    expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
    expect(a.channel).toBe("email");
    const message = await lastMessageTo(server, "known@example.nc");
    expect(codeIn(message.text)).toMatch(/^\d{6}$/);
    expect(message.text).toContain("10 minutes");
  });

  it("sends the code by SMS to a New Caledonia mobile however it is written", async () => {
    const asked = await askCode(server, "+687 79.12.34", "198.51.100.2");
    expect(asked.status).toBe(202);
    expect((await asked.json()).channel).toBe("sms");
    expect(codeIn((await lastMessageTo(server, "+687791234")).text)).toMatch(/^\d{6}$/);
  });

  it("refuses what is neither an email nor a New Caledonia mobile", async () => {
    for (const address of ["0612345678", "bob@", "12345", ""]) {
      const response = await askCode(server, address, "198.51.100.3");
      expect(response.status).toBe(400);
      expect((await errorOf(response)).code).toBe("invalid_address");
    }
  });

  it("takes a code once only", async () => {
    const attemptId = await attemptOf(await askCode(server, "once@example.nc", "198.51.100.4"));
    const code = codeIn((await lastMessageTo(server, "once@example.nc")).text);
    expect((await check(server, attemptId, code)).status).toBe(200);
    const again = await check(server, attemptId, code);
    expect(again.status).toBe(400);
    expect((await errorOf(again)).code).toBe("code_expired");
  });

  it("takes a code only with the attempt it was sent for", async () => {
    const first = await attemptOf(await askCode(server, "bound@example.nc", "198.51.100.5"));
    const firstCode = codeIn((await lastMessageTo(server, "bound@example.nc")).text);
    const second = await attemptOf(await askCode(server, "bound@example.nc", "198.51.100.5"));
    const secondCode = codeIn((await lastMessageTo(server, "bound@example.nc")).text);
    if (firstCode !== secondCode) {
      const crossed = await check(server, second, firstCode);
      expect((await errorOf(crossed)).code).toBe("wrong_code");
    }
    expect((await check(server, first, firstCode)).status).toBe(200);
  });

  it("stops a code after 10 minutes", async () => {
    const attemptId = await attemptOf(await askCode(server, "late@example.nc", "198.51.100.6"));
    const code = codeIn((await lastMessageTo(server, "late@example.nc")).text);
    clock.advanceMinutes(10);
    const response = await check(server, attemptId, code);
    expect(response.status).toBe(400);
    expect((await errorOf(response)).code).toBe("code_expired");
  });

  it("counts the tries left and stops the code after 5 wrong ones, even the right one then", async () => {
    const attemptId = await attemptOf(await askCode(server, "guess@example.nc", "198.51.100.7"));
    const code = codeIn((await lastMessageTo(server, "guess@example.nc")).text);
    const wrong = code === "000000" ? "111111" : "000000";
    const left: (number | undefined)[] = [];
    for (let i = 0; i < 4; i++) {
      const response = await check(server, attemptId, wrong);
      expect(response.status).toBe(400);
      const error = (await response.json()).error;
      expect(error.code).toBe("wrong_code");
      left.push(error.triesLeft);
    }
    expect(left).toEqual([4, 3, 2, 1]);
    expect((await errorOf(await check(server, attemptId, wrong))).code).toBe("code_expired");
    expect((await errorOf(await check(server, attemptId, code))).code).toBe("code_expired");
  });

  it("takes no more than 5 guesses even when they arrive together", async () => {
    const attemptId = await attemptOf(await askCode(server, "burst@example.nc", "198.51.100.8"));
    const code = codeIn((await lastMessageTo(server, "burst@example.nc")).text);
    const guesses = Array.from({ length: 12 }, (_, i) =>
      String((Number(code) + 1 + i) % 1_000_000).padStart(6, "0"),
    );
    const answers = await Promise.all(guesses.map((guess) => check(server, attemptId, guess)));
    const codes = await Promise.all(answers.map(async (a) => (await a.json()).error.code));
    // Five tries counted: four say how many are left, the fifth that the code is spent.
    expect(
      codes.filter((c) => c === "wrong_code"),
      codes.join(),
    ).toHaveLength(4);
    const row = await server.services.database.db
      .selectFrom("sign_in_codes")
      .select("tries")
      .where("attempt_id", "=", attemptId)
      .executeTakeFirstOrThrow();
    expect(row.tries).toBe(5);
  });

  it("limits codes per address and per client each hour", async () => {
    for (let i = 0; i < 5; i++)
      expect((await askCode(server, "often@example.nc", `203.0.113.${i + 1}`)).status).toBe(202);
    const sixth = await askCode(server, "often@example.nc", "203.0.113.99");
    expect(sixth.status).toBe(429);
    expect((await errorOf(sixth)).code).toBe("too_many_codes");

    for (let i = 0; i < 8; i++)
      expect((await askCode(server, `person${i}@example.nc`, "203.0.113.200")).status).toBe(202);
    expect((await askCode(server, "one-more@example.nc", "203.0.113.200")).status).toBe(429);
    expect((await askCode(server, "one-more@example.nc", "203.0.113.201")).status).toBe(202);

    clock.advanceMinutes(61);
    expect((await askCode(server, "often@example.nc", "203.0.113.200")).status).toBe(202);
  });

  it("keeps an audit of sign-ins without the code or the whole address", async () => {
    const events = await server.services.database.db.selectFrom("account_events").selectAll().execute();
    const kinds = new Set(events.map((event) => event.kind));
    for (const kind of ["code_sent", "sign_in_succeeded", "sign_in_failed", "code_refused_rate_limit"])
      expect(kinds).toContain(kind);
    const text = JSON.stringify(events);
    expect(text).not.toContain("known@example.nc");
    expect(text).not.toContain("791234");
    expect(text).toContain("k•••@example.nc");
    const codes = await server.services.database.db.selectFrom("sign_in_codes").select("code_hash").execute();
    for (const { code_hash } of codes) expect(code_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("signs in with a session cookie that scripts and other sites cannot use", async () => {
    const attemptId = await attemptOf(await askCode(server, "cookie@example.nc", "198.51.100.9"));
    const code = codeIn((await lastMessageTo(server, "cookie@example.nc")).text);
    const response = await check(server, attemptId, code);
    const header = response.headers.getSetCookie().find((h) => h.startsWith(`${SESSION_COOKIE}=`)) ?? "";
    expect(header).toMatch(/; Secure/);
    expect(header).toMatch(/; HttpOnly/);
    expect(header).toMatch(/; SameSite=Lax/);
    expect(header).toMatch(/; Path=\//);
    expect(header).not.toMatch(/Domain=/i);
    const token = sessionCookieOf(response) ?? "";
    expect(Buffer.from(token, "base64url")).toHaveLength(16);
    const me = await server.app.request("/api/account", { headers: withSession(token) });
    expect(await me.json()).toMatchObject({
      signIn: { method: "code", channel: "email", address: "cookie@example.nc" },
    });
    const stored = await server.services.database.db.selectFrom("sessions").select("token_hash").execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(token);
  });
});

describe("a code by email through a real SMTP server", () => {
  let server: TestServer;
  let mailbox: Mailbox;
  beforeAll(async () => {
    mailbox = await startMailbox();
    server = await startTestServer("SQLite", {
      accounts: {
        smtpUrl: mailbox.url,
        mailFrom: "Pas à pas <ne-pas-repondre@province-sud.nc>",
      },
    });
  });
  afterAll(async () => {
    await server.close();
    await mailbox.stop();
  });

  it("delivers the code, and signs in with it", async () => {
    const asked = await askCode(server, "mail@example.nc");
    const { attemptId } = await asked.json();
    await server.services.account.queue.drain();
    expect(mailbox.received).toHaveLength(1);
    const mail = mailbox.received[0] as ParsedMail;
    expect(mail.from?.text).toContain("ne-pas-repondre@province-sud.nc");
    expect(mail.subject).toMatch(/^Votre code pour Pas à pas\s: \d{6}$/u);
    const code = codeIn(mail.text ?? "");
    const checked = await check(server, attemptId, code);
    expect(checked.status).toBe(200);
  });
});
