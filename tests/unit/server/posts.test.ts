/**
 * The connected space's routes on each database: only a post's browser reaches /api/post/…, only
 * staff reach the mediators' routes, the end of a person's session clears their server session
 * and answers Clear-Site-Data (not "cookies": the post stays a post), a session signed in on a
 * post has no Max-Age, and what the board reads names a post, a procedure and a step only.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postJson, SESSION_COOKIE, signInWithCode, withSession } from "./support/accounts";
import { DATABASES, reportSkippedPostgres } from "./support/databases";
import { sendRequestOver } from "./support/sent-requests";
import { startTestServer, type TestServer } from "./support/test-server";

reportSkippedPostgres();

const POST_COOKIE = "__Host-pap_post";
const onPost = (token: string, session?: string) => ({
  Cookie: [`${POST_COOKIE}=${token}`, ...(session ? [`${SESSION_COOKIE}=${session}`] : [])].join("; "),
});

describe.each(DATABASES)("posts of the connected space on %s", (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database, { accounts: { codesPerClientPerHour: 100_000 } });
  });
  afterAll(() => server.close());

  const enrol = (name = "Poste 7") => server.services.posts.enrol(name, "mediator-1");

  it("answers 403 not_a_post to a browser without a post's cookie, or with a removed post's", async () => {
    const { post, token } = await enrol();
    await server.services.posts.remove(post.id);
    for (const headers of [{}, onPost("not-a-token"), onPost(token)]) {
      for (const [method, path] of [
        ["GET", "/api/post"],
        ["POST", "/api/post/activity"],
        ["POST", "/api/post/end"],
        ["GET", "/api/post/help"],
        ["POST", "/api/post/help"],
        ["DELETE", "/api/post/help"],
        ["POST", "/api/post/receipt"],
      ] as const) {
        const response =
          method === "POST"
            ? await postJson(server.app, path, {}, headers)
            : await server.app.request(path, { method, headers });
        expect(response.status, `${method} ${path}`).toBe(403);
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe("not_a_post");
      }
    }
  });

  it("keeps the mediators' routes closed to citizens and to posts (401 without a staff session)", async () => {
    const { token } = await enrol();
    const citizen = await signInWithCode(server, "citizen-mediation@example.nc");
    for (const headers of [{}, withSession(citizen), onPost(token)]) {
      for (const [method, path] of [
        ["POST", "/api/posts"],
        ["DELETE", "/api/posts/00000000-0000-0000-0000-000000000000"],
        ["GET", "/api/mediation/board"],
        ["GET", "/api/mediation/events"],
        ["POST", "/api/mediation/calls/x/take"],
        ["POST", "/api/mediation/calls/x/close"],
        ["GET", "/api/mediation/statistics"],
      ] as const) {
        const response =
          method === "POST"
            ? await postJson(server.app, path, { name: "Poste 1" }, headers)
            : await server.app.request(path, { method, headers });
        expect(response.status, `${method} ${path}`).toBe(401);
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
          "staff_sign_in_required",
        );
      }
    }
  });

  it("tells a post its name and idle time, and signs a person in there for the browser's session only", async () => {
    const { token } = await enrol("Poste 3");
    const answer = await server.app.request("/api/post", { headers: onPost(token) });
    expect(await answer.json()).toEqual({ name: "Poste 3", idleSeconds: 600 });

    const asked = await postJson(
      server.app,
      "/api/account/code",
      { address: "on-post@example.nc" },
      onPost(token),
    );
    const { attemptId } = (await asked.json()) as { attemptId: string };
    const messages = await server.services.database.db.selectFrom("messages").selectAll().execute();
    const code = /\b(\d{6})\b/.exec(
      messages.find((m) => m.recipient === "on-post@example.nc")?.body ?? "",
    )?.[1];
    const checked = await postJson(server.app, "/api/account/code/check", { attemptId, code }, onPost(token));
    expect(checked.status).toBe(200);
    const cookie = checked.headers.getSetCookie().find((c) => c.startsWith(SESSION_COOKIE));
    expect(cookie).toBeDefined();
    expect(cookie).not.toMatch(/Max-Age/i);
  });

  it("ends the person's session: their server session closed, Clear-Site-Data without cookies", async () => {
    const { post, token } = await enrol();
    const session = await signInWithCode(server, "leaving@example.nc");
    await postJson(
      server.app,
      "/api/post/activity",
      { flowId: "bourse-scolaire", stepId: "applicant" },
      onPost(token, session),
    );
    expect((await server.services.posts.list()).find((p) => p.id === post.id)?.inUseSince).not.toBeNull();

    const ended = await postJson(server.app, "/api/post/end", {}, onPost(token, session));
    expect(ended.status).toBe(204);
    expect(ended.headers.get("Clear-Site-Data")).toBe('"cache", "storage"');
    expect(ended.headers.get("Clear-Site-Data")).not.toContain("cookies");
    expect((await server.app.request("/api/account", { headers: withSession(session) })).status).toBe(401);
    expect((await server.services.posts.list()).find((p) => p.id === post.id)?.inUseSince).toBeNull();
    // The post is still a post.
    expect((await server.app.request("/api/post", { headers: onPost(token) })).status).toBe(200);
  });

  it("answers sign-out on a post with Clear-Site-Data, and elsewhere without", async () => {
    const { token } = await enrol();
    const session = await signInWithCode(server, "sign-out-post@example.nc");
    const onThePost = await postJson(server.app, "/api/account/sign-out", {}, onPost(token, session));
    expect(onThePost.headers.get("Clear-Site-Data")).toBe('"cache", "storage"');
    const elsewhere = await postJson(server.app, "/api/account/sign-out", {}, {});
    expect(elsewhere.headers.get("Clear-Site-Data")).toBeNull();
  });

  it("keeps one help call per post; a mediator's 'j'arrive' shows on the post; the board names no one", async () => {
    const { post, token } = await enrol("Poste 9");
    const session = await signInWithCode(server, "helped@example.nc");
    const headers = onPost(token, session);
    const step = { flowId: "bourse-scolaire", stepId: "applicant" };
    const asked = await postJson(server.app, "/api/post/help", step, headers);
    expect(asked.status).toBe(201);
    expect(await asked.json()).toEqual({ status: "waiting" });
    await postJson(server.app, "/api/post/help", step, headers);
    const calls = (await server.services.posts.openCalls()).filter((c) => c.postId === post.id);
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call).toMatchObject({ postName: "Poste 9", flowId: "bourse-scolaire", stepId: "applicant" });
    expect(Object.keys(call ?? {}).sort()).toEqual(
      ["createdAt", "flowId", "id", "postId", "postName", "status", "stepId", "takenAt"].sort(),
    );
    expect(await server.services.posts.take(call?.id ?? "")).toBe(true);
    const seen = await server.app.request("/api/post/help", { headers });
    expect(await seen.json()).toEqual({ status: "coming" });
    expect(await server.services.posts.close(call?.id ?? "")).toBe(true);
    expect(await (await server.app.request("/api/post/help", { headers })).json()).toEqual({
      status: "none",
    });
  });

  it("counts time per step and where sessions stop, with no post in the statistics", async () => {
    const { token } = await enrol();
    const headers = onPost(token);
    await postJson(
      server.app,
      "/api/post/activity",
      { flowId: "aide-medicale", stepId: "residence" },
      headers,
    );
    await postJson(server.app, "/api/post/activity", { flowId: "aide-medicale", stepId: "commune" }, headers);
    await postJson(server.app, "/api/post/end", {}, headers);
    const steps = await server.services.posts.statistics();
    expect(steps).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ flowId: "aide-medicale", stepId: "residence", visits: 1, stops: 0 }),
        expect.objectContaining({ flowId: "aide-medicale", stepId: "commune", visits: 1, stops: 1 }),
      ]),
    );
    const rows = await server.services.database.db.selectFrom("step_visits").selectAll().execute();
    for (const row of rows)
      expect(Object.keys(row).sort()).toEqual(["day", "flow_id", "last_of_session", "seconds", "step_id"]);
  });

  it("refuses a receipt address that is neither a mobile nor an email, and queues the reference otherwise", async () => {
    const { token } = await enrol();
    const bad = await postJson(
      server.app,
      "/api/post/receipt",
      { requestId: "00000000-0000-4000-8000-000000000000", address: "pas une adresse" },
      onPost(token),
    );
    expect(bad.status).toBe(400);
    const unknown = await postJson(
      server.app,
      "/api/post/receipt",
      { requestId: "00000000-0000-4000-8000-000000000000", address: "79 12 34" },
      onPost(token),
    );
    expect(unknown.status).toBe(404);

    const sent = await sendRequestOver(server);
    const queued = await postJson(
      server.app,
      "/api/post/receipt",
      { requestId: sent.id, address: "79 12 34" },
      onPost(token),
    );
    expect(queued.status).toBe(202);
    const message = await server.services.database.db
      .selectFrom("messages")
      .selectAll()
      .where("recipient", "=", "+687791234")
      .executeTakeFirst();
    expect(message?.channel).toBe("sms");
    expect(message?.body).toContain(sent.reference);
  });
});
