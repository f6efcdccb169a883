/**
 * Exactly once, whatever the network does: thousands of random sequences of submitting, losing
 * and finding the network, reloading, killing the sender in the middle of an upload, server
 * errors and server restarts. The outbox, sending and storage code are the app's own (storage on
 * fake-indexeddb); the server is a model that keeps the API's contract (idempotent PUT by id,
 * resumable uploads). After every step, no request has left the outbox without the server
 * having it; at the end, every request is on the server once, with every document, and no
 * uploaded byte was received twice.
 */
import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { closeDatabase } from "../../../../src/app/storage/database";
import { saveDraft } from "../../../../src/app/storage/drafts";
import { storeFile } from "../../../../src/app/storage/files";
import { listRequests, provisionalReference, recordRequest } from "../../../../src/app/storage/requests";
import { drainOutbox } from "../../../../src/app/sync/outbox";
import { type Reply, type Transport, TransportError } from "../../../../src/app/sync/send-request";
import type { SubmissionBody } from "../../../../src/shared/api/submission";

type Command =
  | { kind: "submit"; documents: number }
  | { kind: "offline" }
  | { kind: "online" }
  | { kind: "serverErrors"; count: number }
  | { kind: "restart" }
  | { kind: "killNextUpload" }
  | { kind: "reload" }
  | { kind: "send" };

/** The receipt the real server answers (src/shared/api/submission.ts). */
const receipt = (id: string, reference: string) => ({
  id,
  reference,
  receivedAt: "2026-11-30T00:00:00Z",
  status: "received",
});

class ModelServer {
  online = true;
  errors = 0;
  killNext = false;
  restarting = false;
  readonly uploads = new Map<string, { total: number; received: number }>();
  /** Every byte received for each device file, whichever upload carried it. */
  readonly bytesPerFile = new Map<string, { size: number; received: number }>();
  readonly submissions = new Map<string, { body: string; reference: string; created: number }>();
  private next = 0;

  private fail(): void {
    if (!this.online) throw new TransportError(undefined);
    if (this.restarting) {
      this.restarting = false;
      throw new TransportError(undefined);
    }
  }

  readonly transport: Transport = {
    upload: async (input) => {
      this.fail();
      if (this.errors > 0) {
        this.errors -= 1;
        throw new TransportError(500);
      }
      let id = input.resumeUrl?.split("/").pop();
      if (!id || !this.uploads.has(id)) {
        id = `u${++this.next}`;
        this.uploads.set(id, { total: input.blob.size, received: 0 });
        await input.onStarted(`/api/uploads/${id}`);
      }
      const upload = this.uploads.get(id) as { total: number; received: number };
      const remaining = upload.total - upload.received;
      const sent = this.killNext ? Math.floor(remaining / 2) : remaining;
      upload.received += sent;
      const file = this.bytesPerFile.get(input.name) ?? { size: input.blob.size, received: 0 };
      file.received += sent;
      this.bytesPerFile.set(input.name, file);
      if (this.killNext) {
        this.killNext = false;
        throw new TransportError(undefined);
      }
      return `/api/uploads/${id}`;
    },
    putSubmission: async (id: string, body: SubmissionBody): Promise<Reply> => {
      this.fail();
      if (this.errors > 0) {
        this.errors -= 1;
        return { status: 500, body: { error: { code: "internal_error", message: "…" } } };
      }
      for (const doc of body.documents) {
        const upload = this.uploads.get(doc.uploadId);
        if (!upload || upload.received !== upload.total)
          return { status: 409, body: { error: { code: "document_incomplete", message: "…" } } };
      }
      const text = JSON.stringify(body);
      const known = this.submissions.get(id);
      if (known) {
        if (known.body !== text)
          return { status: 409, body: { error: { code: "submission_conflict", message: "…" } } };
        return { status: 200, body: receipt(id, known.reference) };
      }
      const reference = `BS-2026-${String(this.submissions.size + 1).padStart(6, "0")}`;
      this.submissions.set(id, { body: text, reference, created: 1 });
      return { status: 201, body: receipt(id, reference) };
    },
  };
}

const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant("submit" as const), documents: fc.integer({ min: 0, max: 3 }) }),
  },
  fc.constant({ kind: "offline" as const }),
  fc.constant({ kind: "online" as const }),
  fc.record({ kind: fc.constant("serverErrors" as const), count: fc.integer({ min: 1, max: 3 }) }),
  fc.constant({ kind: "restart" as const }),
  fc.constant({ kind: "killNextUpload" as const }),
  fc.constant({ kind: "reload" as const }),
  { weight: 4, arbitrary: fc.constant({ kind: "send" as const }) },
);

let submitted = 0;
async function submit(documents: number): Promise<string> {
  submitted += 1;
  const id = `${String(submitted).padStart(8, "0")}-0000-4000-8000-000000000000`;
  const files = [];
  for (let i = 0; i < documents; i++)
    files.push(
      await storeFile(
        new Blob([`%PDF-${"x".repeat(100 + i * 37)}`]),
        `request-${submitted}-doc-${i}.pdf`,
        "application/pdf",
      ),
    );
  await saveDraft({
    id: "bourse-scolaire",
    flowId: "bourse-scolaire",
    flowVersion: 1,
    answers: { files },
    updatedAt: new Date().toISOString(),
    step: "review",
    progress: { step: 1, total: 1 },
    owner: null,
    revision: submitted,
  });
  await recordRequest(
    {
      id,
      flowId: "bourse-scolaire",
      flowVersion: 1,
      answers: { files },
      createdAt: new Date(Date.UTC(2026, 10, 30, 0, 0, submitted)).toISOString(),
      provisionalReference: provisionalReference(id),
      status: "ready",
    },
    "bourse-scolaire",
  );
  return id;
}

const quiet = { progress: () => undefined, outcome: () => undefined };

async function nothingLeftBeforeConfirmation(server: ModelServer): Promise<void> {
  for (const request of await listRequests())
    if (request.status === "sent")
      expect(server.submissions.get(request.id)?.reference).toBe(request.reference);
}

let runs = 0;

describe("the outbox", () => {
  it("gets every request to the server exactly once, with all its documents", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 25 }), async (commands) => {
        runs += 1;
        await closeDatabase();
        globalThis.indexedDB = new IDBFactory();
        const server = new ModelServer();
        const ids: string[] = [];
        for (const c of commands) {
          if (c.kind === "submit") ids.push(await submit(c.documents));
          if (c.kind === "offline") server.online = false;
          if (c.kind === "online") server.online = true;
          if (c.kind === "serverErrors") server.errors = c.count;
          if (c.kind === "restart") server.restarting = true;
          if (c.kind === "killNextUpload") server.killNext = true;
          if (c.kind === "reload") await closeDatabase();
          if (c.kind === "send") await drainOutbox(server.transport, quiet);
          await nothingLeftBeforeConfirmation(server);
        }
        // The network comes back for good: the sender, retrying, empties the outbox.
        server.online = true;
        for (let tries = 0; tries < 20 && (await listRequests()).some((r) => r.status !== "sent"); tries++)
          await drainOutbox(server.transport, quiet);

        const local = await listRequests();
        expect(local.map((r) => r.status).filter((s) => s !== "sent")).toEqual([]);
        expect([...server.submissions.keys()].sort()).toEqual([...ids].sort());
        for (const { body } of server.submissions.values()) {
          const sent = JSON.parse(body) as SubmissionBody;
          for (const doc of sent.documents) {
            const upload = server.uploads.get(doc.uploadId);
            expect(upload?.received).toBe(upload?.total);
          }
        }
        for (const [name, file] of server.bytesPerFile)
          expect(file.received, name).toBeLessThanOrEqual(file.size);
      }),
      { numRuns: 2000 },
    );
    console.log(`exactly-once property: ${runs} random sequences ran`);
  }, 240_000);
});
