import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SECURITY_HEADERS } from "../../../src/server/security-headers";
import type { SubmissionBody } from "../../../src/shared/api/submission";
import { DATABASES, reportSkippedPostgres } from "./support/databases";
import {
  documentBytes,
  sha256,
  uploadDocumentsOf,
  uploadIdOf,
  uploadInTwoSteps,
  uploadWhole,
} from "./support/documents";
import { example, validExamples } from "./support/examples";
import { errorOf, newId, putSubmission } from "./support/requests";
import { startTestServer, type TestServer } from "./support/test-server";

reportSkippedPostgres();

const REFERENCE = /^(BS|AM)-\d{4}-\d{6}$/;

describe.each(DATABASES)("submissions on %s", (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database);
  });
  afterAll(() => server.close());

  /** A valid request for an example, its documents uploaded (small, unless real sizes are asked). */
  async function validBody(
    flowId = "bourse-scolaire",
    name = "eligible-one-child",
    size: number | undefined = 2048,
    keepDeviceIds = false,
  ) {
    const { answers, flowVersion } = example(flowId, name);
    const uploaded = await uploadDocumentsOf(server.app, flowId, answers, {
      keepDeviceIds,
      ...(size === undefined ? {} : { size }),
    });
    return { flowId, flowVersion, ...uploaded } satisfies SubmissionBody;
  }

  describe("recording", () => {
    it.each(validExamples().map((e) => [e.flowId, e.name] as const))(
      "records %s/%s with its documents at their real size (201)",
      async (flowId, name) => {
        const id = newId();
        const response = await putSubmission(server.app, id, await validBody(flowId, name, undefined));
        expect(response.status).toBe(201);
        const receipt = (await response.json()) as Record<string, string>;
        expect(receipt).toEqual({
          id,
          reference: expect.stringMatching(REFERENCE),
          receivedAt: expect.any(String),
          status: "received",
        });
        expect(receipt.reference?.startsWith(flowId === "bourse-scolaire" ? "BS-" : "AM-")).toBe(true);
        expect(new Date(receipt.receivedAt ?? "").toISOString()).toBe(receipt.receivedAt);
      },
    );

    it("numbers references per procedure and year, in order", async () => {
      const references: string[] = [];
      for (const flowId of ["bourse-scolaire", "bourse-scolaire", "aide-medicale"]) {
        const name = flowId === "bourse-scolaire" ? "eligible-one-child" : "eligible-single";
        const response = await putSubmission(server.app, newId(), await validBody(flowId, name));
        references.push(((await response.json()) as { reference: string }).reference);
      }
      const [first, second, other] = references.map((r) => r.split("-"));
      expect(Number(second?.[2])).toBe(Number(first?.[2]) + 1);
      expect(other?.[0]).toBe("AM");
      expect(first?.[1]).toBe(String(new Date(Date.now() + 11 * 3600_000).getUTCFullYear()));
    });

    it("pairs documents by field and order when the answers keep the device's ids", async () => {
      const body = await validBody("bourse-scolaire", "several-children", 2048, true);
      expect(JSON.stringify(body.answers)).toContain('"id":"doc-1"');
      expect((await putSubmission(server.app, newId(), body)).status).toBe(201);
    });

    it("links the documents to the request, without copying them", async () => {
      const id = newId();
      const body = await validBody();
      expect((await putSubmission(server.app, id, body)).status).toBe(201);
      const rows = await server.services.database.db
        .selectFrom("submission_documents")
        .select(["upload_id", "field_id", "sha256", "position"])
        .where("submission_id", "=", id)
        .orderBy("position")
        .execute();
      expect(rows.map((r) => r.upload_id)).toEqual(body.documents.map((d) => d.uploadId));
      expect(rows.map((r) => r.sha256)).toEqual(body.documents.map((d) => d.sha256));
      for (const doc of body.documents)
        expect(await server.services.documents.inspect(doc.uploadId)).toBeDefined();
    });

    it("reads back a request's status, and 404 for an unknown one", async () => {
      const id = newId();
      const created = await (await putSubmission(server.app, id, await validBody())).json();
      const response = await server.app.request(`/api/submissions/${id}`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(created);
      const upper = await server.app.request(`/api/submissions/${id.toUpperCase()}`);
      expect(await upper.json()).toEqual(created);
      const unknown = await server.app.request(`/api/submissions/${newId()}`);
      expect(unknown.status).toBe(404);
      expect((await errorOf(unknown)).code).toBe("not_found");
      expect((await errorOf(await server.app.request("/api/submissions/123"))).code).toBe("invalid_id");
    });
  });

  describe("exactly once", () => {
    it("answers a replay of the same request with the same receipt (200) and records nothing twice", async () => {
      const id = newId();
      const body = await validBody();
      const first = await putSubmission(server.app, id, body);
      expect(first.status).toBe(201);
      const receipt = await first.json();
      // The same request, its keys written in another order, as another client might.
      const reordered = {
        documents: body.documents,
        answers: body.answers,
        flowVersion: body.flowVersion,
        flowId: body.flowId,
      };
      for (const again of [body, reordered]) {
        const replay = await putSubmission(server.app, id, again);
        expect(replay.status).toBe(200);
        expect(await replay.json()).toEqual(receipt);
      }
      const count = await server.services.database.db
        .selectFrom("submission_documents")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("submission_id", "=", id)
        .executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(body.documents.length);
    });

    it("refuses the same id with a different request (409 submission_conflict)", async () => {
      const id = newId();
      const body = await validBody();
      expect((await putSubmission(server.app, id, body)).status).toBe(201);
      const changed = { ...body, answers: { ...body.answers, applicantFirstName: "Léo" } };
      const response = await putSubmission(server.app, id, changed);
      expect(response.status).toBe(409);
      expect((await errorOf(response)).code).toBe("submission_conflict");
      const stored = await server.services.database.db
        .selectFrom("submissions")
        .select("answers")
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
      expect(JSON.parse(stored.answers).applicantFirstName).toBe("Léa");
    });

    it("records a request sent many times at once exactly once", async () => {
      const id = newId();
      const body = await validBody();
      const responses = await Promise.all(
        Array.from({ length: 8 }, () => putSubmission(server.app, id, body)),
      );
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
      const references = new Set(
        await Promise.all(responses.map(async (r) => ((await r.json()) as { reference: string }).reference)),
      );
      expect(references.size).toBe(1);
    });

    it("gives concurrent requests distinct, consecutive references", async () => {
      const bodies = await Promise.all(
        Array.from({ length: 12 }, () => validBody("aide-medicale", "eligible-single")),
      );
      const responses = await Promise.all(bodies.map((body) => putSubmission(server.app, newId(), body)));
      expect(responses.map((r) => r.status)).toEqual(bodies.map(() => 201));
      const numbers = (
        await Promise.all(responses.map(async (r) => ((await r.json()) as { reference: string }).reference))
      )
        .map((reference) => Number(reference.slice(-6)))
        .sort((a, b) => a - b);
      expect(new Set(numbers).size).toBe(12);
      expect((numbers.at(-1) ?? 0) - (numbers[0] ?? 0)).toBe(11);
    });

    it("records every request sent at once, whatever happens to the others sent with it", async () => {
      // Requests that arrive together are written together; two of these pairs must fail.
      const twinId = newId();
      const [twinA, twinB, shared, ...others] = await Promise.all(
        Array.from({ length: 8 }, () => validBody("aide-medicale", "eligible-single")),
      );
      if (!twinA || !twinB || !shared) throw new Error("bodies missing");
      const sent = [
        putSubmission(server.app, twinId, twinA),
        putSubmission(server.app, twinId, twinB),
        putSubmission(server.app, newId(), shared),
        putSubmission(server.app, newId(), shared),
        ...others.map((body) => putSubmission(server.app, newId(), body)),
      ];
      const statuses = (await Promise.all(sent)).map((r) => r.status);
      expect(statuses.slice(0, 2).sort()).toEqual([201, 409]);
      expect(statuses.slice(2, 4).sort()).toEqual([201, 409]);
      expect(statuses.slice(4)).toEqual(others.map(() => 201));

      const db = server.services.database.db;
      const orphans = await db
        .selectFrom("submission_documents")
        .leftJoin("submissions", "submissions.id", "submission_documents.submission_id")
        .select("submission_documents.upload_id")
        .where("submissions.id", "is", null)
        .execute();
      expect(orphans).toEqual([]);
      // Numbers taken by a write that failed were given back: the procedure's numbers have no gap.
      const numbers = (
        await db
          .selectFrom("submissions")
          .select("reference")
          .where("flow_id", "=", "aide-medicale")
          .execute()
      )
        .map((row) => Number(row.reference.slice(-6)))
        .sort((a, b) => a - b);
      expect(numbers).toEqual(numbers.map((_, i) => (numbers[0] ?? 0) + i));
    });

    it("refuses a document already joined to another request (409 document_in_use)", async () => {
      const body = await validBody();
      expect((await putSubmission(server.app, newId(), body)).status).toBe(201);
      const response = await putSubmission(server.app, newId(), body);
      expect(response.status).toBe(409);
      const error = await errorOf(response);
      expect(error.code).toBe("document_in_use");
      expect(error.uploadIds).toEqual(body.documents.map((d) => d.uploadId));
    });
  });

  describe("bad input", () => {
    it.each(["not-a-uuid", "123e4567-e89b-12d3-a456-42661417400", "123e4567e89b12d3a456426614174000", "%20"])(
      "refuses the id %s (400 invalid_id)",
      async (id) => {
        const response = await putSubmission(server.app, id, {});
        expect(response.status).toBe(400);
        expect((await errorOf(response)).code).toBe("invalid_id");
      },
    );

    it.each([
      ["text/plain"],
      ["application/x-www-form-urlencoded"],
      ["application/json; charset=latin1"],
      [""],
    ])("refuses the content type %j (415 unsupported_media_type)", async (type) => {
      const response = await putSubmission(server.app, newId(), "{}", { "Content-Type": type });
      expect(response.status).toBe(415);
      expect((await errorOf(response)).code).toBe("unsupported_media_type");
    });

    it("accepts application/json with charset=utf-8", async () => {
      const response = await putSubmission(server.app, newId(), await validBody(), {
        "Content-Type": "application/json; charset=UTF-8",
      });
      expect(response.status).toBe(201);
    });

    it.each(["{", "", "{'flowId': 1}", "[1,]", "\u00ff\u00fe"])(
      "refuses the malformed JSON %j (400 malformed_json)",
      async (text) => {
        const response = await putSubmission(server.app, newId(), text);
        expect(response.status).toBe(400);
        expect((await errorOf(response)).code).toBe("malformed_json");
      },
    );

    it("refuses invalid UTF-8 (400 malformed_json)", async () => {
      const response = await putSubmission(
        server.app,
        newId(),
        new Uint8Array([0x7b, 0xff, 0x7d]) as unknown as string,
      );
      expect(response.status).toBe(400);
    });

    it("refuses a body over the limit (413 body_too_large), announced or not", async () => {
      const big = JSON.stringify({ flowId: "x", answers: { note: "a".repeat(1024 * 1024 + 10) } });
      const announced = await putSubmission(server.app, newId(), big);
      expect(announced.status).toBe(413);
      expect((await errorOf(announced)).code).toBe("body_too_large");
      // A streamed body has no Content-Length: the limit holds while reading.
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < 40; i++) controller.enqueue(new TextEncoder().encode("a".repeat(64 * 1024)));
          controller.close();
        },
      });
      const streamed = await server.app.request(`/api/submissions/${newId()}`, {
        method: "PUT",
        headers: { "Content-Type": "application/json" },
        body: stream,
        duplex: "half",
      } as RequestInit);
      expect(streamed.status).toBe(413);
    });

    it.each([
      ["an array", []],
      ["a string", '"hello"'],
      ["no flowVersion", { flowId: "bourse-scolaire", answers: {}, documents: [] }],
      ["answers as a list", { flowId: "bourse-scolaire", flowVersion: 1, answers: [], documents: [] }],
      [
        "a bad digest",
        {
          flowId: "bourse-scolaire",
          flowVersion: 1,
          answers: {},
          documents: [
            { fieldId: "ribFile", uploadId: "a".repeat(32), sha256: "xyz", size: 1, type: "application/pdf" },
          ],
        },
      ],
      [
        "a bad upload id",
        {
          flowId: "bourse-scolaire",
          flowVersion: 1,
          answers: {},
          documents: [
            {
              fieldId: "ribFile",
              uploadId: "../../etc/passwd",
              sha256: "a".repeat(64),
              size: 1,
              type: "application/pdf",
            },
          ],
        },
      ],
    ])("refuses a body with %s (400 invalid_body)", async (_, body) => {
      const response = await putSubmission(server.app, newId(), body);
      expect(response.status).toBe(400);
      const error = await errorOf(response);
      expect(error.code).toBe("invalid_body");
      expect(error.fields?.length).toBeGreaterThan(0);
    });

    it("checks a request against the version it was filled in with: the current one, or the previous one kept in flows/previous", async () => {
      for (const flowVersion of [2, 1]) {
        const response = await putSubmission(server.app, newId(), { ...(await validBody()), flowVersion });
        expect(response.status).toBe(201);
      }
    });

    it.each([
      ["an unknown flow", "permis-de-pêche", 1],
      ["an unknown version", "bourse-scolaire", 99],
    ])("refuses %s (422 unknown_flow)", async (_, flowId, flowVersion) => {
      const response = await putSubmission(server.app, newId(), {
        flowId,
        flowVersion,
        answers: {},
        documents: [],
      });
      expect(response.status).toBe(422);
      expect((await errorOf(response)).code).toBe("unknown_flow");
    });

    it("refuses invalid answers with each field's problem in plain French (422 invalid_answers)", async () => {
      const body = await validBody();
      const answers = {
        ...body.answers,
        residenceYears: -3,
        commune: "paris",
        applicantFirstName: undefined,
        shoeSize: 42,
      };
      const response = await putSubmission(server.app, newId(), { ...body, answers });
      expect(response.status).toBe(422);
      const error = await errorOf(response);
      expect(error.code).toBe("invalid_answers");
      const byPath = Object.fromEntries((error.fields ?? []).map((f) => [f.path, f]));
      expect(byPath.applicantFirstName?.code).toBe("required");
      expect(byPath.commune).toEqual({
        path: "commune",
        code: "commune",
        message: "Choisissez votre commune dans la liste.",
      });
      expect(byPath.shoeSize?.code).toBe("unexpected");
      expect(byPath.residenceYears?.code).toBe("min");
      for (const field of error.fields ?? []) expect(field.message).not.toMatch(/errors:|\{\{/);
    });

    it("refuses a request with unanswered questions (422 invalid_answers, required)", async () => {
      const response = await putSubmission(server.app, newId(), {
        flowId: "bourse-scolaire",
        flowVersion: 1,
        answers: { applicantFirstName: "Léa" },
        documents: [],
      });
      expect(response.status).toBe(422);
      const codes = (await errorOf(response)).fields?.map((f) => f.code);
      expect(codes).toContain("required");
    });

    it("needs every document the answers name (422 invalid_documents)", async () => {
      const body = await validBody();
      const [first, ...rest] = body.documents;
      const missing = await putSubmission(server.app, newId(), { ...body, documents: rest });
      expect(missing.status).toBe(422);
      const error = await errorOf(missing);
      expect(error.code).toBe("invalid_documents");
      expect(error.fields).toContainEqual(
        expect.objectContaining({ path: `${first?.fieldId}.0`, code: "missing" }),
      );

      const duplicated = await putSubmission(server.app, newId(), {
        ...body,
        documents: [...body.documents, body.documents[0]],
      });
      expect((await errorOf(duplicated)).fields?.map((f) => f.code)).toContain("duplicate");

      const resized = body.documents.map((d, i) => (i === 0 ? { ...d, size: d.size + 1 } : d));
      const mismatch = await putSubmission(server.app, newId(), { ...body, documents: resized });
      expect((await errorOf(mismatch)).fields?.map((f) => f.code)).toContain("mismatch");

      const elsewhere = body.documents.map((d, i) => (i === 0 ? { ...d, fieldId: "custodyFile" } : d));
      const relabelled = await putSubmission(server.app, newId(), { ...body, documents: elsewhere });
      expect((await errorOf(relabelled)).fields?.map((f) => f.code)).toContain("mismatch");

      const extra = { ...body.documents[0], uploadId: "f".repeat(32) };
      const unexpected = await putSubmission(server.app, newId(), {
        ...body,
        documents: [...body.documents, extra],
      });
      expect((await errorOf(unexpected)).fields).toContainEqual(
        expect.objectContaining({ path: `documents.${body.documents.length}`, code: "unexpected" }),
      );
    });

    it("refuses a document not fully uploaded, or unknown (409 document_incomplete)", async () => {
      const body = await validBody();
      const created = await server.app.request("/api/uploads", {
        method: "POST",
        headers: {
          "Tus-Resumable": "1.0.0",
          "Upload-Length": "2048",
          "Upload-Metadata": `flowId ${btoa("bourse-scolaire")},fieldId ${btoa("ribFile")},filetype ${btoa("application/pdf")}`,
        },
      });
      expect(created.status).toBe(201);
      const partialId = uploadIdOf(created);
      for (const uploadId of [partialId, "0".repeat(32)]) {
        const documents = body.documents.map((d) => (d.fieldId === "ribFile" ? { ...d, uploadId } : d));
        const response = await putSubmission(server.app, newId(), { ...body, documents });
        expect(response.status).toBe(409);
        const error = await errorOf(response);
        expect(error.code).toBe("document_incomplete");
        expect(error.uploadIds).toEqual([uploadId]);
      }
    });

    it("refuses a document whose digest or upload does not match (409 document_mismatch)", async () => {
      // The answers keep the device's ids: entries are paired with them by field and order.
      const body = await validBody("bourse-scolaire", "eligible-one-child", 2048, true);
      const wrongHash = body.documents.map((d, i) => (i === 0 ? { ...d, sha256: "0".repeat(64) } : d));
      const response = await putSubmission(server.app, newId(), { ...body, documents: wrongHash });
      expect(response.status).toBe(409);
      expect((await errorOf(response)).code).toBe("document_mismatch");
      // Two uploads of the same size swapped between fields: each one's digest is checked.
      const [a, b] = body.documents;
      if (!a || !b) throw new Error("expected two documents");
      const swapped = [
        { ...a, uploadId: b.uploadId },
        { ...b, uploadId: a.uploadId },
        ...body.documents.slice(2),
      ];
      const swap = await putSubmission(server.app, newId(), { ...body, documents: swapped });
      expect(swap.status).toBe(409);
      expect((await errorOf(swap)).code).toBe("document_mismatch");
    });

    it("refuses a document whose content is not of an accepted type (409 document_type)", async () => {
      const body = await validBody();
      const target = body.documents.find((d) => d.type === "application/pdf");
      if (!target) throw new Error("expected a PDF");
      const text = new TextEncoder().encode("#!/bin/sh\necho this is not a PDF\n".padEnd(target.size, "x"));
      const uploadId = await uploadInTwoSteps(
        server,
        { flowId: "bourse-scolaire", fieldId: target.fieldId, filetype: "application/pdf" },
        text,
        415,
      );
      const documents = body.documents.map((d) =>
        d === target ? { ...d, uploadId, sha256: sha256(text) } : d,
      );
      const response = await putSubmission(server.app, newId(), { ...body, documents });
      expect(response.status).toBe(409);
      expect((await errorOf(response)).code).toBe("document_type");

      // A real JPEG where the answers say PDF: the type read from the content decides.
      const jpeg = documentBytes("image/jpeg", target.size, 424242);
      const asJpeg = await uploadWhole(
        server.app,
        { flowId: "bourse-scolaire", fieldId: target.fieldId, filetype: "application/pdf" },
        jpeg,
      );
      expect(asJpeg.response.status).toBe(201);
      const lying = body.documents.map((d) =>
        d === target ? { ...d, uploadId: asJpeg.uploadId, sha256: sha256(jpeg) } : d,
      );
      const typeResponse = await putSubmission(server.app, newId(), { ...body, documents: lying });
      expect(typeResponse.status).toBe(409);
      expect((await errorOf(typeResponse)).code).toBe("document_type");
    });
  });

  describe("every API answer", () => {
    it("is JSON with no-store and the security headers, errors included", async () => {
      const id = newId();
      const responses = [
        await putSubmission(server.app, id, await validBody()),
        await putSubmission(server.app, newId(), "{"),
        await server.app.request(`/api/submissions/${id}`),
        await server.app.request("/api/flows"),
        await server.app.request("/api/health"),
        await server.app.request("/api/nothing"),
      ];
      for (const response of responses) {
        expect(response.headers.get("Cache-Control")).toBe("no-store");
        expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
        for (const [name, value] of Object.entries(SECURITY_HEADERS))
          expect(response.headers.get(name)).toBe(value);
      }
    });
  });
});
