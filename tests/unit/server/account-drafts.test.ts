/**
 * Drafts kept in the account, through the HTTP API on each database: a draft saved on one
 * device is read on another; two devices that saved from the same revision never overwrite
 * each other (the second is told, with the server's copy); another account sees nothing; an
 * account keeps at most 50; deleting the account erases its drafts and their documents; a draft's
 * uploads survive the unclaimed-upload cleanup and send the request without being sent again.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeExpiredUploads } from "../../../src/server/documents/expired-uploads";
import type { AccountDraft, SaveDraft } from "../../../src/shared/api/account-drafts";
import { signInWithCode, withSession } from "./support/accounts";
import { DATABASES, reportSkippedPostgres } from "./support/databases";
import { documentBytes, sha256, uploadDocumentsOf, uploadWhole } from "./support/documents";
import { example } from "./support/examples";
import { errorOf, putSubmission } from "./support/requests";
import { startTestServer, type TestServer } from "./support/test-server";

reportSkippedPostgres();

const DAY_MS = 24 * 3600 * 1000;
const RIB = { flowId: "bourse-scolaire", fieldId: "ribFile", filetype: "application/pdf" };

/** The bank details document of a draft, as the device names an upload it made. */
const ribDocument = (uploadId: string, bytes: Uint8Array) => ({
  fieldId: "ribFile",
  documentId: "rib",
  uploadId,
  sha256: sha256(bytes),
  name: "rib.pdf",
  size: bytes.byteLength,
  type: "application/pdf",
});

describe.each(DATABASES)("drafts kept in the account on %s", (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database, { accounts: { codesPerClientPerHour: 100_000 } });
  });
  afterAll(() => server.close());

  const address = () => `drafts-${randomUUID().slice(0, 8)}@example.nc`;
  const draftPath = (id: string) => `/api/account/drafts/${id}`;
  const body = (baseRevision: number, answers: Record<string, unknown> = {}): SaveDraft => ({
    flowId: "bourse-scolaire",
    flowVersion: 1,
    answers,
    step: "household",
    baseRevision,
    documents: [],
  });
  const put = (token: string | undefined, id: string, draft: unknown) =>
    server.app.request(draftPath(id), {
      method: "PUT",
      headers: { "Content-Type": "application/json", ...(token ? withSession(token) : {}) },
      body: JSON.stringify(draft),
    });
  const get = (token: string, path: string) => server.app.request(path, { headers: withSession(token) });
  const listOf = async (token: string) =>
    ((await (await get(token, "/api/account/drafts")).json()) as { drafts: AccountDraft[] }).drafts;

  it("keeps a draft saved on one device for the account's other devices, at the step it was left", async () => {
    const who = address();
    const pc = await signInWithCode(server, who);
    const phone = await signInWithCode(server, who);
    const id = randomUUID();
    const saved = await put(pc, id, body(0, { applicantName: "Marie Wamytan" }));
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ id, revision: 1, step: "household" });

    expect(await listOf(phone)).toEqual([
      expect.objectContaining({ id, revision: 1, answers: { applicantName: "Marie Wamytan" } }),
    ]);
    const one = await get(phone, draftPath(id));
    expect(await one.json()).toMatchObject({ id, flowId: "bourse-scolaire", flowVersion: 1, revision: 1 });
    // "Télécharger mes données" has it too.
    const data = (await (await get(phone, "/api/account/data")).json()) as { drafts: AccountDraft[] };
    expect(data.drafts.map((d) => d.answers)).toEqual([{ applicantName: "Marie Wamytan" }]);
  });

  it("refuses the second of two saves made from the same revision, with the server's copy to choose from", async () => {
    const who = address();
    const pc = await signInWithCode(server, who);
    const phone = await signInWithCode(server, who);
    const id = randomUUID();
    expect((await put(pc, id, body(0, { a: "first" }))).status).toBe(200);

    // Both devices went offline at revision 1 and changed the draft.
    expect((await put(pc, id, body(1, { a: "from the PC" }))).status).toBe(200);
    const late = await put(phone, id, body(1, { a: "from the phone" }));
    expect(late.status).toBe(409);
    const error = (await late.json()) as { error: { code: string; message: string; draft: AccountDraft } };
    expect(error.error.code).toBe("draft_conflict");
    expect(error.error.message).toMatch(/autre appareil/);
    expect(error.error.draft).toMatchObject({ id, revision: 2, answers: { a: "from the PC" } });

    // The phone chose its own copy, knowing the server's revision: now it wins, nothing silent.
    const chosen = await put(phone, id, body(2, { a: "from the phone" }));
    expect(await chosen.json()).toMatchObject({ revision: 3, answers: { a: "from the phone" } });
    // A first save of an id already taken is a conflict too, never an overwrite.
    expect((await put(pc, id, body(0, { a: "again" }))).status).toBe(409);
  });

  it("never shows, changes or deletes another account's draft, and answers as if it did not exist", async () => {
    const mine = await signInWithCode(server, address());
    const theirs = await signInWithCode(server, address());
    const id = randomUUID();
    expect((await put(mine, id, body(0, { secret: "mine" }))).status).toBe(200);

    const read = await get(theirs, draftPath(id));
    expect(read.status).toBe(404);
    expect((await errorOf(read)).code).toBe("draft_not_found");
    const changed = await put(theirs, id, body(1, { secret: "theirs" }));
    expect(changed.status).toBe(404);
    expect((await errorOf(changed)).code).toBe("draft_not_found");
    // Not even a first save of the same id: that answer would carry the owner's copy.
    const taken = await put(theirs, id, body(0));
    expect(taken.status).toBe(404);
    expect(await taken.text()).not.toContain("mine");
    const deleted = await server.app.request(draftPath(id), {
      method: "DELETE",
      headers: withSession(theirs),
    });
    expect(deleted.status).toBe(404);
    expect(await listOf(theirs)).toEqual([]);
    expect(await listOf(mine)).toEqual([expect.objectContaining({ id, answers: { secret: "mine" } })]);

    expect((await put(undefined, id, body(1))).status).toBe(401);
  });

  it("keeps at most 50 drafts per account, and takes a new one once one is deleted", async () => {
    const token = await signInWithCode(server, address());
    const ids = Array.from({ length: 50 }, () => randomUUID());
    for (const id of ids) expect((await put(token, id, body(0))).status).toBe(200);
    const refused = await put(token, randomUUID(), body(0));
    expect(refused.status).toBe(409);
    expect((await errorOf(refused)).code).toBe("too_many_drafts");
    // Saving one of the 50 again is still possible.
    expect((await put(token, ids[0] ?? "", body(1, { more: true }))).status).toBe(200);
    const gone = await server.app.request(draftPath(ids[1] ?? ""), {
      method: "DELETE",
      headers: withSession(token),
    });
    expect(gone.status).toBe(204);
    expect((await put(token, randomUUID(), body(0))).status).toBe(200);
  });

  it("refuses what is not a draft: an unknown procedure, a bad id, a picture that is not one, too big a body", async () => {
    const token = await signInWithCode(server, address());
    const unknownFlow = await put(token, randomUUID(), { ...body(0), flowId: "nothing" });
    expect((await errorOf(unknownFlow)).code).toBe("unknown_flow");
    expect((await errorOf(await put(token, "not-a-uuid", body(0)))).code).toBe("invalid_id");
    const document = {
      fieldId: "ribFile",
      documentId: "d1",
      uploadId: "a".repeat(32),
      sha256: "b".repeat(64),
      name: "rib.pdf",
      size: 10,
      type: "application/pdf",
      thumbnail: "javascript:alert(1)",
    };
    const badThumbnail = await put(token, randomUUID(), { ...body(0), documents: [document] });
    expect((await errorOf(badThumbnail)).code).toBe("invalid_body");
    const huge = await put(token, randomUUID(), body(0, { text: "x".repeat(3 * 1024 * 1024) }));
    expect(huge.status).toBe(413);
  });

  it("sends a request from a draft continued on another device with the documents uploaded by the first", async () => {
    const who = address();
    const pc = await signInWithCode(server, who);
    const phone = await signInWithCode(server, who);
    const { answers } = example("bourse-scolaire", "eligible-one-child");
    const uploaded = await uploadDocumentsOf(server.app, "bourse-scolaire", answers, { size: 2048 });
    const id = randomUUID();
    const documents = uploaded.documents.map((d, index) => ({
      ...d,
      documentId: d.uploadId,
      name: `piece-${index}.pdf`,
      thumbnail: "data:image/jpeg;base64,AAAA",
    }));
    expect((await put(pc, id, { ...body(0, uploaded.answers), documents })).status).toBe(200);

    const [onPhone] = await listOf(phone);
    expect(onPhone?.documents.map((d) => [d.name, d.size, d.thumbnail])).toEqual(
      documents.map((d) => [d.name, d.size, d.thumbnail]),
    );
    const sent = await putSubmission(
      server.app,
      id,
      {
        flowId: "bourse-scolaire",
        flowVersion: 1,
        answers: onPhone?.answers,
        documents: onPhone?.documents.map(({ fieldId, uploadId, sha256, size, type }) => ({
          fieldId,
          uploadId,
          sha256,
          size,
          type,
        })),
      },
      withSession(phone),
    );
    expect(sent.status).toBe(201);
  });

  it("gives a document's bytes to the draft's owner on another device, and to nobody else", async () => {
    const who = address();
    const pc = await signInWithCode(server, who);
    const phone = await signInWithCode(server, who);
    const stranger = await signInWithCode(server, address());
    const bytes = documentBytes("application/pdf", 3000, 91);
    const { uploadId } = await uploadWhole(server.app, RIB, bytes);
    const { uploadId: notNamed } = await uploadWhole(
      server.app,
      RIB,
      documentBytes("application/pdf", 900, 92),
    );
    const id = randomUUID();
    const document = ribDocument(uploadId, bytes);
    expect((await put(pc, id, { ...body(0), documents: [document] })).status).toBe(200);
    const documentPath = (upload: string) => `${draftPath(id)}/documents/${upload}`;

    const fetched = await get(phone, documentPath(uploadId));
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get("Content-Type")).toBe("application/pdf");
    expect(fetched.headers.get("Cache-Control")).toBe("no-store");
    expect(sha256(new Uint8Array(await fetched.arrayBuffer()))).toBe(sha256(bytes));

    // Another account: the draft does not exist for it, whatever upload it names.
    const other = await get(stranger, documentPath(uploadId));
    expect(other.status).toBe(404);
    expect((await errorOf(other)).code).toBe("draft_not_found");
    // An upload the draft does not name is not served through it, even to the owner.
    const unnamed = await get(phone, documentPath(notNamed));
    expect(unnamed.status).toBe(404);
    expect((await errorOf(unnamed)).code).toBe("draft_document_not_found");
    // Signed out: nothing.
    expect((await server.app.request(documentPath(uploadId))).status).toBe(401);
  });

  it("spares from the unclaimed-upload cleanup a document a draft names, and erases it with the account", async () => {
    const who = address();
    const token = await signInWithCode(server, who);
    const bytes = documentBytes("application/pdf", 1000, 77);
    const { uploadId } = await uploadWhole(server.app, RIB, bytes);
    const { uploadId: unclaimed } = await uploadWhole(
      server.app,
      RIB,
      documentBytes("application/pdf", 1000, 78),
    );
    const id = randomUUID();
    const document = ribDocument(uploadId, bytes);
    expect((await put(token, id, { ...body(0), documents: [document] })).status).toBe(200);

    const retention = { expirationMs: DAY_MS, unclaimedMs: 7 * DAY_MS };
    await removeExpiredUploads(server.services, retention, Date.now() + 8 * DAY_MS);
    expect(await server.services.documents.inspect(unclaimed)).toBeUndefined();
    expect(await server.services.documents.inspect(uploadId)).toBeDefined();

    const deleted = await server.app.request("/api/account", {
      method: "DELETE",
      headers: withSession(token),
    });
    expect(deleted.status).toBe(200);
    expect(await server.services.documents.inspect(uploadId)).toBeUndefined();
    // Signing in again with the same address makes a new account, which has no draft.
    expect(await listOf(await signInWithCode(server, who))).toEqual([]);
  });
});
