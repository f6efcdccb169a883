/**
 * Who may call what, for EVERY route of the API, on each database. The routes are read from the
 * Hono app itself: a route added without an entry in ROUTES fails here, so nobody can add a
 * route that acts on a person's data without saying, and testing, who may call it.
 *
 * Each route acting on an account's data is called three ways against account A's things (its
 * other session, its request): signed out (401, or 404 for a request's receipt and status, which a request
 * sent without an account answers by its id alone), signed in as account B (404/403, or an
 * answer about B alone: nothing of A's in it, and A's session and request untouched), and as A
 * itself (2xx). Routes that are not an account's say why in one line.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MESSAGE_ATTACHMENT_FIELD } from "../../../src/shared/api/message-attachments";
import type { StaffRole } from "../../../src/shared/staff-roles";
import { createStaffAccount, staffSignIn } from "../../support/staff-accounts";
import { postJson, signInWithCode, withSession } from "./support/accounts";
import { DATABASES, reportSkippedPostgres } from "./support/databases";
import { documentBytes, sha256, uploadWhole } from "./support/documents";
import { sendRequestOver } from "./support/sent-requests";
import { startTestServer, type TestServer } from "./support/test-server";

reportSkippedPostgres();

/** Account A, whose things every call aims at, and its second device's session. */
interface Target {
  readonly address: string;
  readonly token: string;
  readonly otherSessionId: string;
  readonly requestId: string;
  readonly reference: string;
  /** A's draft kept in the account, at revision 1, naming one uploaded document. */
  readonly draftId: string;
  readonly draftUploadId: string;
  /** A file A joined to a message about its request. */
  readonly attachmentId: string;
}

type Call = (server: TestServer, target: Target, token: string | undefined) => Response | Promise<Response>;

type Entry =
  | {
      readonly kind: "account";
      readonly call: Call;
      /** What a caller without a session gets. */
      readonly signedOut: number;
      /** "refused": 403/404 for account B; "own-only": B gets its own answer, nothing of A's. */
      readonly otherAccount: "refused" | "own-only";
      /** The answer names the request the caller sent it (attach): that id is not a leak. */
      readonly echoesRequestId?: true;
    }
  | {
      /** Behind staffOnly: 401 signed out or with a citizen's session, 403 without `role`, 2xx with it. */
      readonly kind: "staff";
      readonly call: StaffCall;
      readonly role?: StaffRole;
    }
  | { readonly kind: "not-an-account's"; readonly why: string };

type StaffCall = (
  server: TestServer,
  headers: Record<string, string>,
  otherStaffId: string,
) => Promise<Response> | Response;

const headers = (token: string | undefined): Record<string, string> => (token ? withSession(token) : {});
const request = (method: string, path: string, body?: unknown): Call => {
  return (server, _target, token) =>
    body === undefined
      ? server.app.request(path, { method, headers: headers(token) })
      : postJson(server.app, path, body, headers(token));
};

const draftBody = () => ({
  flowId: "bourse-scolaire",
  flowVersion: 1,
  answers: { applicantName: "A's name" },
  step: null,
  baseRevision: 0,
  documents: [],
});

const ROUTES: Readonly<Record<string, Entry>> = {
  "GET /api/account": {
    kind: "account",
    call: request("GET", "/api/account"),
    signedOut: 401,
    otherAccount: "own-only",
  },
  "DELETE /api/account": {
    kind: "account",
    call: request("DELETE", "/api/account"),
    signedOut: 401,
    otherAccount: "own-only",
  },
  "GET /api/account/sessions": {
    kind: "account",
    call: request("GET", "/api/account/sessions"),
    signedOut: 401,
    otherAccount: "own-only",
  },
  "DELETE /api/account/sessions/:id": {
    kind: "account",
    call: (server, target, token) =>
      server.app.request(`/api/account/sessions/${target.otherSessionId}`, {
        method: "DELETE",
        headers: headers(token),
      }),
    signedOut: 401,
    otherAccount: "refused",
  },
  "POST /api/account/sign-out-everywhere": {
    kind: "account",
    call: request("POST", "/api/account/sign-out-everywhere"),
    signedOut: 401,
    otherAccount: "own-only",
  },
  "GET /api/account/data": {
    kind: "account",
    call: request("GET", "/api/account/data"),
    signedOut: 401,
    otherAccount: "own-only",
  },
  "GET /api/account/requests": {
    kind: "account",
    call: request("GET", "/api/account/requests"),
    signedOut: 401,
    otherAccount: "own-only",
  },
  "POST /api/account/requests/attach": {
    kind: "account",
    // Account B holding A's receipt still cannot take it (account-requests.test.ts has the rest).
    call: (server, target, token) =>
      postJson(
        server.app,
        "/api/account/requests/attach",
        { requests: [{ id: target.requestId, reference: target.reference }] },
        headers(token),
      ),
    signedOut: 401,
    otherAccount: "own-only",
    echoesRequestId: true,
  },
  "GET /api/submissions/:id/status": {
    kind: "account",
    call: (server, target, token) =>
      server.app.request(`/api/submissions/${target.requestId}/status`, { headers: headers(token) }),
    // An account's request is not read by its id alone.
    signedOut: 404,
    otherAccount: "refused",
  },
  "GET /api/submissions/:id": {
    kind: "account",
    call: (server, target, token) =>
      server.app.request(`/api/submissions/${target.requestId}`, { headers: headers(token) }),
    // Once owned, the receipt is its owner's, as its status is.
    signedOut: 404,
    otherAccount: "refused",
  },
  "GET /api/account/drafts": {
    kind: "account",
    call: request("GET", "/api/account/drafts"),
    signedOut: 401,
    otherAccount: "own-only",
  },
  "GET /api/account/drafts/:id": {
    kind: "account",
    call: (server, target, token) =>
      server.app.request(`/api/account/drafts/${target.draftId}`, { headers: headers(token) }),
    signedOut: 401,
    otherAccount: "refused",
  },
  "GET /api/account/drafts/:id/documents/:uploadId": {
    kind: "account",
    call: (server, target, token) =>
      server.app.request(`/api/account/drafts/${target.draftId}/documents/${target.draftUploadId}`, {
        headers: headers(token),
      }),
    signedOut: 401,
    otherAccount: "refused",
  },
  "PUT /api/account/drafts/:id": {
    kind: "account",
    call: (server, target, token) =>
      server.app.request(`/api/account/drafts/${target.draftId}`, {
        method: "PUT",
        headers: { "Content-Type": "application/json", ...headers(token) },
        body: JSON.stringify({ ...draftBody(), baseRevision: 1 }),
      }),
    signedOut: 401,
    otherAccount: "refused",
  },
  "DELETE /api/account/drafts/:id": {
    kind: "account",
    call: (server, target, token) =>
      server.app.request(`/api/account/drafts/${target.draftId}`, {
        method: "DELETE",
        headers: headers(token),
      }),
    signedOut: 401,
    otherAccount: "refused",
  },
  "GET /api/submissions/:id/exchanges": {
    kind: "account",
    call: (server, target, token) =>
      server.app.request(`/api/submissions/${target.requestId}/exchanges`, { headers: headers(token) }),
    signedOut: 404,
    otherAccount: "refused",
  },
  "POST /api/submissions/:id/messages": {
    kind: "account",
    call: (server, target, token) =>
      postJson(
        server.app,
        `/api/submissions/${target.requestId}/messages`,
        { clientId: randomUUID(), text: "Bonjour" },
        headers(token),
      ),
    signedOut: 404,
    otherAccount: "refused",
  },
  "GET /api/submissions/:id/attachments/:attachmentId": {
    kind: "account",
    call: (server, target, token) =>
      server.app.request(`/api/submissions/${target.requestId}/attachments/${target.attachmentId}`, {
        headers: headers(token),
      }),
    signedOut: 404,
    otherAccount: "refused",
  },
  "POST /api/submissions/:id/tasks/:taskId/answer": {
    kind: "not-an-account's",
    why: "the request's owner only, as its exchanges: needs a task an agent asked (agents-citizen)",
  },
  "POST /api/account/sign-out": {
    kind: "not-an-account's",
    why: "ends the asking browser's own session, whatever it is (tested in account-sessions)",
  },
  "GET /api/account/options": { kind: "not-an-account's", why: "says whether NC Connect is offered" },
  "POST /api/account/code": { kind: "not-an-account's", why: "sign-in: rate-limited, same answer for all" },
  "POST /api/account/code/check": { kind: "not-an-account's", why: "sign-in: bound to its attempt" },
  "GET /api/account/oidc/start": { kind: "not-an-account's", why: "sign-in with NC Connect" },
  "GET /api/account/oidc/callback": { kind: "not-an-account's", why: "sign-in: state and nonce checked" },
  "GET /api/health": { kind: "not-an-account's", why: "nothing personal" },
  "GET /api/flows": { kind: "not-an-account's", why: "the procedures, public" },
  "PUT /api/submissions/:id": {
    kind: "not-an-account's",
    why: "anyone may send a request; signed in, it becomes the sender's own (account-requests)",
  },
  "ALL /api/submissions/:id": { kind: "not-an-account's", why: "405 for other methods" },
  "ALL /api/uploads": { kind: "not-an-account's", why: "tus creation, per-client limits" },
  "ALL /api/uploads/:id": { kind: "not-an-account's", why: "404 without the upload's key" },
  "ALL /api/uploads/:id/:key": {
    kind: "not-an-account's",
    why: "the upload's key is its capability (upload-ownership)",
  },
  "POST /api/handoffs": {
    kind: "not-an-account's",
    why: "anyone may leave ciphertext: size, per-client count and expiry bound it (handoffs)",
  },
  "GET /api/handoffs/:locator": {
    kind: "not-an-account's",
    why: "the locator is the capability, single use, guessing capped per client (handoffs)",
  },
  "ALL /api/handoffs": { kind: "not-an-account's", why: "405 for other methods" },
  "ALL /api/handoffs/:locator": { kind: "not-an-account's", why: "405 for other methods" },
  "ALL /api/*": { kind: "not-an-account's", why: "middleware and the JSON 404" },
  // The connected space (tests/unit/server/posts.test.ts calls each one every way).
  "POST /api/posts": { kind: "not-an-account's", why: "staff: mediator only (enrols this browser)" },
  "DELETE /api/posts/:id": { kind: "not-an-account's", why: "staff: mediator only" },
  "GET /api/post": { kind: "not-an-account's", why: "a post's own cookie: 403 not_a_post without" },
  "POST /api/post/activity": { kind: "not-an-account's", why: "a post's cookie; ids of a step, no person" },
  "POST /api/post/end": {
    kind: "not-an-account's",
    why: "a post's cookie; ends the asking browser's session",
  },
  "GET /api/post/help": { kind: "not-an-account's", why: "a post's cookie: its own call only" },
  "POST /api/post/help": { kind: "not-an-account's", why: "a post's cookie: its own call only" },
  "DELETE /api/post/help": { kind: "not-an-account's", why: "a post's cookie: its own call only" },
  "POST /api/post/receipt": {
    kind: "not-an-account's",
    why: "a post's cookie; sends a reference, returns nothing",
  },
  "GET /api/mediation/board": {
    kind: "staff",
    role: "mediator",
    call: (server, headers) => server.app.request("/api/mediation/board", { headers }),
  },
  "GET /api/mediation/events": { kind: "not-an-account's", why: "staff: mediator only; the board, live" },
  "POST /api/mediation/calls/:id/take": { kind: "not-an-account's", why: "staff: mediator only" },
  "POST /api/mediation/calls/:id/close": { kind: "not-an-account's", why: "staff: mediator only" },
  "GET /api/mediation/statistics": {
    kind: "not-an-account's",
    why: "staff: mediator, supervisor, administrator",
  },
  // The back office: role AND procedure, so agents-api.test.ts calls each one as nobody, a
  // citizen, a mediator, an administrator, an agent of the other procedure, an agent, a supervisor.
  "GET /api/agents/procedures/:flowId/queues/:queue": {
    kind: "not-an-account's",
    why: "staff of the procedure: a queue (agents-api)",
  },
  "GET /api/agents/procedures/:flowId/queues/:queue/export": {
    kind: "not-an-account's",
    why: "staff of the procedure: a queue's export (agents-api)",
  },
  "POST /api/agents/procedures/:flowId/queues/:queue/assign": {
    kind: "not-an-account's",
    why: "staff of the procedure: bulk assign (agents-api)",
  },
  "GET /api/agents/procedures/:flowId/colleagues": {
    kind: "not-an-account's",
    why: "staff of the procedure: its agents by name, to hand a request to (agents-api)",
  },
  "GET /api/agents/requests/:id": {
    kind: "not-an-account's",
    why: "staff of the procedure: one request (agents-api)",
  },
  "GET /api/agents/requests/:id/documents/:uploadId": {
    kind: "not-an-account's",
    why: "staff of the procedure: a request's document (agents-api)",
  },
  "GET /api/agents/requests/:id/attachments/:attachmentId": {
    kind: "not-an-account's",
    why: "staff of the procedure: a file joined to a message (agents-api, message-attachments)",
  },
  "GET /api/agents/requests/:id/archive.pdf": {
    kind: "not-an-account's",
    why: "staff of the procedure: a request's archive (agents-api)",
  },
  "GET /api/agents/requests/:id/audit": {
    kind: "not-an-account's",
    why: "staff of the procedure: a request's audit, supervisors only (agents-api)",
  },
  "POST /api/agents/requests/:id/follow": {
    kind: "not-an-account's",
    why: "staff of the procedure: follow (agents-api)",
  },
  "POST /api/agents/requests/:id/transfer": {
    kind: "not-an-account's",
    why: "staff of the procedure: transfer (agents-api)",
  },
  "POST /api/agents/requests/:id/status": {
    kind: "not-an-account's",
    why: "staff of the procedure: a status change (agents-api)",
  },
  "POST /api/agents/requests/:id/notes": {
    kind: "not-an-account's",
    why: "staff of the procedure: a private note (agents-api)",
  },
  "POST /api/agents/requests/:id/ask": {
    kind: "not-an-account's",
    why: "staff of the procedure: asking the citizen (agents-api)",
  },
  "POST /api/agents/requests/:id/messages": {
    kind: "not-an-account's",
    why: "staff of the procedure: a message to the citizen (agents-api)",
  },
  "POST /api/staff/sign-in": {
    kind: "not-an-account's",
    why: "staff sign-in: throttled per account and client",
  },
  "POST /api/staff/sign-in/totp": {
    kind: "not-an-account's",
    why: "staff sign-in: bound to its pending cookie",
  },
  "POST /api/staff/sign-out": {
    kind: "not-an-account's",
    why: "ends the asking browser's own staff session",
  },
  "GET /api/staff/sign-in/options": {
    kind: "not-an-account's",
    why: "says whether the staff directory is offered",
  },
  "GET /api/staff/directory/start": { kind: "not-an-account's", why: "staff sign-in through the directory" },
  "GET /api/staff/directory/callback": {
    kind: "not-an-account's",
    why: "staff sign-in: state and nonce checked, provisioned accounts only (staff-directory.test.ts)",
  },
  "GET /api/staff/session": {
    kind: "staff",
    call: (server, headers) => server.app.request("/api/staff/session", { headers }),
  },
  "GET /api/staff/accounts": {
    kind: "staff",
    role: "administrator",
    call: (server, headers) => server.app.request("/api/staff/accounts", { headers }),
  },
  "POST /api/staff/accounts/:id/end-sessions": {
    kind: "staff",
    role: "administrator",
    call: (server, headers, otherStaffId) =>
      postJson(server.app, `/api/staff/accounts/${otherStaffId}/end-sessions`, {}, headers),
  },
};

describe.each(DATABASES)("the authorisation of every route on %s", (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database, { accounts: { codesPerClientPerHour: 100_000 } });
  });
  afterAll(() => server.close());

  /** A fresh account A (two devices, one request sent signed in) and account B, for each route. */
  async function accounts(): Promise<{ a: Target; b: string }> {
    const address = `a-${randomUUID().slice(0, 8)}@example.nc`;
    const other = await signInWithCode(server, address);
    const token = await signInWithCode(server, address);
    const sessions = (await (
      await server.app.request("/api/account/sessions", { headers: withSession(other) })
    ).json()) as { sessions: { id: string; current: boolean }[] };
    const otherSessionId = sessions.sessions.find((s) => s.current)?.id ?? "";
    const sent = await sendRequestOver(server, withSession(token));
    const draftId = randomUUID();
    const rib = documentBytes("application/pdf", 1000, 5);
    const { uploadId: draftUploadId } = await uploadWhole(
      server.app,
      { flowId: "bourse-scolaire", fieldId: "ribFile", filetype: "application/pdf" },
      rib,
    );
    const document = {
      fieldId: "ribFile",
      documentId: "rib",
      uploadId: draftUploadId,
      sha256: sha256(rib),
      name: "rib.pdf",
      size: rib.byteLength,
      type: "application/pdf",
    };
    const draft = await server.app.request(`/api/account/drafts/${draftId}`, {
      method: "PUT",
      headers: { "Content-Type": "application/json", ...withSession(token) },
      body: JSON.stringify({ ...draftBody(), documents: [document] }),
    });
    expect(draft.status).toBe(200);
    const attachment = await uploadWhole(
      server.app,
      { flowId: "bourse-scolaire", fieldId: MESSAGE_ATTACHMENT_FIELD, filetype: "application/pdf" },
      documentBytes("application/pdf", 1000, 6),
    );
    const joined = await postJson(
      server.app,
      `/api/submissions/${sent.id}/messages`,
      { clientId: randomUUID(), text: "Ci-joint", attachments: [attachment.uploadId] },
      withSession(token),
    );
    expect(joined.status).toBe(204);
    const b = await signInWithCode(server, `b-${randomUUID().slice(0, 8)}@example.nc`);
    return {
      a: {
        address,
        token,
        otherSessionId,
        requestId: sent.id,
        reference: sent.reference,
        draftId,
        draftUploadId,
        attachmentId: attachment.uploadId,
      },
      b,
    };
  }

  /** A is as it was: signed in, its request and its draft (still at revision 1) its own. */
  async function expectUntouched(a: Target) {
    expect((await server.app.request("/api/account", { headers: withSession(a.token) })).status).toBe(200);
    const own = await server.app.request(`/api/submissions/${a.requestId}/status`, {
      headers: withSession(a.token),
    });
    expect(own.status).toBe(200);
    const draft = await server.app.request(`/api/account/drafts/${a.draftId}`, {
      headers: withSession(a.token),
    });
    expect(((await draft.json()) as { revision: number }).revision).toBe(1);
  }

  it("has an entry for every route the app serves, and no entry for a route it does not", () => {
    const served = new Set(
      server.app.routes.filter((r) => r.path.startsWith("/api/")).map((r) => `${r.method} ${r.path}`),
    );
    expect(
      [...served].filter((route) => !(route in ROUTES)),
      "routes without an entry",
    ).toEqual([]);
    expect(
      Object.keys(ROUTES).filter((route) => !served.has(route)),
      "entries of no route",
    ).toEqual([]);
  });

  const accountRoutes = Object.entries(ROUTES).flatMap(([route, entry]) =>
    entry.kind === "account" ? [[route, entry] as const] : [],
  );
  it.each(accountRoutes)("%s: signed out, another account, its own account", async (_route, entry) => {
    const { a, b } = await accounts();

    const signedOut = await entry.call(server, a, undefined);
    expect(signedOut.status, "signed out").toBe(entry.signedOut);
    await expectUntouched(a);

    const other = await entry.call(server, a, b);
    if (entry.otherAccount === "refused") expect([403, 404], "another account").toContain(other.status);
    else {
      expect(other.status, "another account, about itself").toBeLessThan(300);
      const text = other.status === 204 ? "" : await other.text();
      const secrets = [
        a.address,
        a.otherSessionId,
        a.reference,
        a.draftId,
        "A's name",
        ...(entry.echoesRequestId ? [] : [a.requestId]),
      ];
      for (const secret of secrets) expect(text, "nothing of A's in B's answer").not.toContain(secret);
      if (entry.echoesRequestId) expect(JSON.parse(text).results[0].outcome).toBe("refused");
    }
    await expectUntouched(a);

    const own = await entry.call(server, a, a.token);
    expect(own.status, "its own account").toBeGreaterThanOrEqual(200);
    expect(own.status, "its own account").toBeLessThan(300);
  });

  const staffRoutes = Object.entries(ROUTES).flatMap(([route, entry]) =>
    entry.kind === "staff" ? [[route, entry] as const] : [],
  );
  it.each(staffRoutes)(
    "%s: signed out, a citizen, staff without the role, with it",
    async (_route, entry) => {
      const mail = () => `staff-${randomUUID().slice(0, 8)}@province-sud.nc`;
      const other = await createStaffAccount(server.services, { email: mail(), roles: ["agent"] });
      const citizen = await signInWithCode(server, `c-${randomUUID().slice(0, 8)}@example.nc`);
      for (const headers of [{}, withSession(citizen)]) {
        const refused = await entry.call(server, headers, other.id);
        expect(refused.status, "not staff").toBe(401);
      }
      if (entry.role) {
        const without = await createStaffAccount(server.services, {
          email: mail(),
          roles: ["mediator", "agent", "supervisor", "administrator"].filter(
            (r) => r !== entry.role,
          ) as StaffRole[],
        });
        const refused = await entry.call(
          server,
          { Cookie: await staffSignIn(server.app, without) },
          other.id,
        );
        expect(refused.status, "without the role").toBe(403);
      }
      const holder = await createStaffAccount(server.services, {
        email: mail(),
        roles: [entry.role ?? "mediator"],
      });
      const allowed = await entry.call(server, { Cookie: await staffSignIn(server.app, holder) }, other.id);
      expect(allowed.status, "with the role").toBeLessThan(300);
    },
  );
});
