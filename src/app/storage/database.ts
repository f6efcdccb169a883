/**
 * The one IndexedDB database of the app, and the only module that opens it (a lint rule keeps
 * `idb` out of every other folder). What lives where:
 * - `drafts`: requests in progress (answers + machine snapshot), each keyed by its own id (a UUID
 *   made when the person starts, which becomes the request's id), several per procedure if need be;
 * - `draft-revisions`: one key per saved revision of a draft, so two tabs never overwrite each other;
 * - `files`: the documents' bytes, kept out of the answers so a draft stays small to save;
 * - `requests`: finished requests waiting to be sent, and the receipts of sent ones;
 * - `draft-sync`: for each draft kept in the account, the server's revision this device last had
 *   (and, after a conflict, the server's copy until the person chooses);
 * - `exchanges`: per sent request, what the province asked and the messages, as last fetched;
 * - `answers`: the person's answers to those (documents, words, messages), to send then sent;
 * - `message-files`: the files the province joined to its messages, kept for offline reading.
 * Everything here is personal: `wipeAll` (shared-PC mode) clears every store.
 */
import { type DBSchema, type IDBPDatabase, openDB } from "idb";
import type { AnswerRecord } from "./answers";
import { forgetRevisions } from "./draft-revisions";
import type { DraftSyncRecord } from "./draft-sync";
import type { DraftRecord } from "./drafts";
import type { ExchangesRecord } from "./exchanges";
import type { StoredFile } from "./files";
import type { MessageFileRecord } from "./message-files";
import type { RequestRecord } from "./requests";

/** Do not change without an upgrade step below and a test that opens the previous version. */
export const DB_NAME = "pas-a-pas";
/** Do not change without an upgrade step below and a test that opens the previous version. */
export const DB_VERSION = 7;

export interface PasAPasDB extends DBSchema {
  drafts: { key: string; value: DraftRecord; indexes: { "by-owner": string; "by-flow": string } };
  "draft-revisions": {
    key: [string, number];
    value: { readonly draftId: string; readonly revision: number };
  };
  files: { key: string; value: StoredFile };
  requests: { key: string; value: RequestRecord; indexes: { "by-status": string } };
  "draft-sync": { key: string; value: DraftSyncRecord };
  exchanges: { key: string; value: ExchangesRecord };
  answers: { key: string; value: AnswerRecord; indexes: { "by-status": string; "by-request": string } };
  "message-files": { key: string; value: MessageFileRecord; indexes: { "by-request": string } };
}

export type Database = IDBPDatabase<PasAPasDB>;

let opening: Promise<Database> | undefined;

export function database(): Promise<Database> {
  opening ??= openDB<PasAPasDB>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        db.createObjectStore("drafts", { keyPath: "id" });
        db.createObjectStore("files", { keyPath: "id" });
        db.createObjectStore("requests", { keyPath: "id" });
      }
      if (oldVersion < 2) {
        // Version 2: the outbox finds the requests still to send without reading receipts,
        // and drafts can be listed per owner once accounts (and shared-PC sessions) exist.
        tx.objectStore("requests").createIndex("by-status", "status");
        tx.objectStore("drafts").createIndex("by-owner", "owner");
      }
      if (oldVersion < 3) {
        // Version 3: a save claims its revision instead of reading the draft first, so a save
        // started as the page closes is complete before the page goes. Drafts already here
        // claim the revision they are at.
        const revisions = db.createObjectStore("draft-revisions", { keyPath: ["draftId", "revision"] });
        void tx
          .objectStore("drafts")
          .getAll()
          .then((drafts) => {
            for (const { id, revision } of drafts) void revisions.add({ draftId: id, revision });
          });
      }
      if (oldVersion < 4) {
        // Version 4: a draft has its own id instead of its procedure's, so one procedure can have
        // several drafts (two people on one PC, two households). Each draft kept under its flow's
        // id moves to a new id, with the revisions it claimed.
        const drafts = tx.objectStore("drafts");
        drafts.createIndex("by-flow", "flowId");
        const revisions = tx.objectStore("draft-revisions");
        void drafts.getAll().then((records) => {
          for (const record of records) {
            const id = crypto.randomUUID();
            void drafts.delete(record.id);
            void drafts.put({ ...record, id });
            void forgetRevisions(revisions, record.id);
            void revisions.add({ draftId: id, revision: record.revision });
          }
        });
      }
      if (oldVersion < 5) {
        // Version 5: drafts kept in the account. Nothing to move: a draft of version 4 was never
        // on the server, and is offered to the account after sign-in like any account-free one.
        db.createObjectStore("draft-sync", { keyPath: "draftId" });
      }
      if (oldVersion < 6) {
        // Version 6: what the province asks about a sent request, and the person's answers. New
        // stores only: nothing of version 5 changes.
        db.createObjectStore("exchanges", { keyPath: "requestId" });
        const answers = db.createObjectStore("answers", { keyPath: "clientId" });
        answers.createIndex("by-status", "status");
        answers.createIndex("by-request", "requestId");
      }
      if (oldVersion < 7) {
        // Version 7: the files the province joins to its messages, kept for offline reading. A
        // message's files were upload ids until then, and none was ever shown: each kept message
        // loses those ids, and the next fetch brings its files described (name, type, size).
        db.createObjectStore("message-files", { keyPath: "id" }).createIndex("by-request", "requestId");
        const exchanges = tx.objectStore("exchanges");
        void exchanges.getAll().then((records) => {
          for (const record of records)
            void exchanges.put({
              ...record,
              messages: record.messages.map((message) => ({
                ...message,
                attachments: message.attachments.filter((file) => typeof file === "object"),
              })),
            });
        });
      }
    },
    // Another tab opened a newer version: let it upgrade rather than block it forever.
    blocking() {
      void opening?.then((db) => db.close());
      opening = undefined;
    },
  });
  return opening;
}

/** Forgets the open connection (tests, and after a wipe). */
export async function closeDatabase(): Promise<void> {
  const db = await opening;
  db?.close();
  opening = undefined;
}

/** Everything personal on this device, gone in one transaction. */
export async function wipeAll(): Promise<void> {
  const db = await database();
  const tx = db.transaction(
    ["drafts", "draft-revisions", "files", "requests", "draft-sync", "exchanges", "answers", "message-files"],
    "readwrite",
    { durability: "strict" },
  );
  await Promise.all([
    tx.objectStore("exchanges").clear(),
    tx.objectStore("message-files").clear(),
    tx.objectStore("answers").clear(),
    tx.objectStore("draft-sync").clear(),
    tx.objectStore("drafts").clear(),
    tx.objectStore("draft-revisions").clear(),
    tx.objectStore("files").clear(),
    tx.objectStore("requests").clear(),
    tx.done,
  ]);
}
