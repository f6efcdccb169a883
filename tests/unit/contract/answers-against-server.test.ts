// @vitest-environment happy-dom
/**
 * The person's answers to the province, checked from both ends: the browser's own code sends a
 * request with a document left for later, fetches its exchanges into the device's storage, adds
 * the document through tus and answers the task — twice, as an outbox whose first answer was lost
 * does — and writes a message with a document of its own, all to the real server in its own process; the server keeps each
 * once, and the device reads the task answered.
 */
import "fake-indexeddb/auto";
import { describe, expect, it, vi } from "vitest";
import type { AnswerRecord } from "../../../src/app/storage/answers";
import { readExchanges } from "../../../src/app/storage/exchanges";
import { provisionalReference, type RequestRecord } from "../../../src/app/storage/requests";
import { httpAnswerTransport } from "../../../src/app/sync/answer-transport";
import { followExchanges } from "../../../src/app/sync/exchanges";
import { httpTransport } from "../../../src/app/sync/http-transport";
import { sendAnswer } from "../../../src/app/sync/send-answer";
import { type DeviceFiles, sendRequest } from "../../../src/app/sync/send-request";
import { MESSAGE_ATTACHMENT_FIELD } from "../../../src/shared/api/message-attachments";
import { isDocumentRef } from "../../../src/shared/engine/validate";
import { documentBytes } from "../server/support/documents";
import { example } from "../server/support/examples";
import { pageOnServer } from "./page-on-server";

vi.mock("tus-js-client", () => import("tus-js-client/lib.esm/browser/index.js" as string));

pageOnServer("answers");

/** The device's files in memory, and every upload the answer remembered. */
function memoryFiles() {
  const blobs = new Map<string, Blob>();
  const remembered = new Map<string, { url: string; sha256?: string; done: boolean }>();
  const files: DeviceFiles = {
    readFile: async (id) => blobs.get(id),
    rememberUpload: async (_owner, fileId, upload) => {
      remembered.set(fileId, upload);
    },
    forgetUpload: async () => undefined,
  };
  return { blobs, remembered, files };
}

const pdf = (seed: number) =>
  new Blob([documentBytes("application/pdf", 2048, seed)], { type: "application/pdf" });

function withDeviceFiles(value: unknown, blobs: Map<string, Blob>): unknown {
  if (isDocumentRef(value)) {
    const blob = new Blob([documentBytes(value.type, 2048, blobs.size + 1)], { type: value.type });
    const id = crypto.randomUUID();
    blobs.set(id, blob);
    return { ...value, id, size: blob.size };
  }
  if (Array.isArray(value)) return value.map((item) => withDeviceFiles(item, blobs));
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, withDeviceFiles(item, blobs)]),
    );
  return value;
}

describe("the browser's answers and the server agree on the API", () => {
  it("adds a document left for later, once whatever the tries, and writes a message", async () => {
    const { blobs, remembered, files } = memoryFiles();
    const { flowId, flowVersion, answers } = example("bourse-scolaire", "documents-later");
    const id = crypto.randomUUID();
    const request: RequestRecord = {
      id,
      flowId,
      flowVersion,
      answers: withDeviceFiles(answers, blobs) as RequestRecord["answers"],
      createdAt: new Date().toISOString(),
      provisionalReference: provisionalReference(id),
      status: "ready",
    };
    expect((await sendRequest(request, httpTransport, files)).kind).toBe("sent");

    remembered.clear();
    expect(await followExchanges(id)).toBe(true);
    const task = (await readExchanges(id))?.tasks[0];
    expect(task).toMatchObject({ origin: "later", answeredAt: null });

    const fileId = crypto.randomUUID();
    blobs.set(fileId, pdf(77));
    const answer: AnswerRecord = {
      clientId: crypto.randomUUID(),
      requestId: id,
      flowId,
      flowVersion,
      taskId: task?.id as string,
      documents: [
        {
          fieldId: "taxNoticeFile",
          ref: { id: fileId, name: "avis.pdf", type: "application/pdf", size: 2048 },
        },
      ],
      createdAt: new Date().toISOString(),
      status: "ready",
    };
    expect(await sendAnswer(answer, httpAnswerTransport, files)).toEqual({ kind: "sent" });
    expect([...remembered.keys()]).toEqual([fileId]);
    expect(remembered.get(fileId)?.done).toBe(true);
    // The device did not hear the first answer: it sends again, with the upload it remembered.
    const again = { ...answer, uploads: Object.fromEntries(remembered) };
    expect(await sendAnswer(again, httpAnswerTransport, files)).toEqual({ kind: "sent" });
    // The same client id with other documents is not the same answer: the server says so.
    expect(await sendAnswer(answer, httpAnswerTransport, files)).toEqual({
      kind: "problem",
      code: "task_answer_conflict",
    });

    // A message with a document of its own, joined over tus like a task's.
    const joinedId = crypto.randomUUID();
    blobs.set(joinedId, pdf(78));
    const message = {
      ...answer,
      clientId: crypto.randomUUID(),
      documents: [
        {
          fieldId: MESSAGE_ATTACHMENT_FIELD,
          ref: { id: joinedId, name: "facture.pdf", type: "application/pdf", size: 2048 },
        },
      ],
      text: "Merci",
    };
    const { taskId: _, ...withoutTask } = message;
    remembered.clear();
    expect(await sendAnswer(withoutTask, httpAnswerTransport, files)).toEqual({ kind: "sent" });
    const resent = { ...withoutTask, uploads: Object.fromEntries(remembered) };
    expect(await sendAnswer(resent, httpAnswerTransport, files)).toEqual({ kind: "sent" });

    expect(await followExchanges(id)).toBe(true);
    const after = await readExchanges(id);
    expect(after?.tasks[0]?.answeredAt).not.toBeNull();
    expect(after?.messages.map((m) => [m.from, m.text, m.attachments.map((f) => [f.name, f.size])])).toEqual([
      ["citizen", "Merci", [["facture.pdf", 2048]]],
    ]);
  });

  it("is refused an answer to another person's task", async () => {
    const { files } = memoryFiles();
    const outcome = await sendAnswer(
      {
        clientId: crypto.randomUUID(),
        requestId: crypto.randomUUID(),
        flowId: "bourse-scolaire",
        flowVersion: 1,
        taskId: "no-such-task",
        documents: [],
        text: "?",
        createdAt: new Date().toISOString(),
        status: "ready",
      },
      httpAnswerTransport,
      files,
    );
    expect(outcome).toEqual({ kind: "problem", code: "not_found" });
  });
});
