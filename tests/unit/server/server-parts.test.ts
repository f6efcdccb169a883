import { beforeAll, describe, expect, it } from "vitest";
import { parseSubmissionBody, parseSubmissionId } from "../../../src/server/api/submission-body";
import { DEFAULT_FLOWS_DIR, DEFAULT_LOCALES_DIR } from "../../../src/server/config";
import { yearInNoumea } from "../../../src/server/db/noumea-time";
import { documentAnswerPaths, documentFieldById, fieldAt } from "../../../src/server/flows/flow-fields";
import { FlowRegistry } from "../../../src/server/flows/flow-registry";
import { FrenchTexts } from "../../../src/server/flows/french-texts";
import { canonicalJson, fingerprint, sha256Hex } from "../../../src/server/requests/fingerprint";
import { detectDocumentType } from "../../../src/shared/document-type";
import { documentBytes } from "./support/documents";

describe("magic bytes", () => {
  it.each(["image/jpeg", "image/png", "image/webp", "image/heic", "application/pdf"])(
    "recognises %s",
    (type) => {
      expect(detectDocumentType(documentBytes(type, 64))).toBe(type);
    },
  );

  it.each([
    ["text", new TextEncoder().encode("hello world, not a file")],
    ["an empty file", new Uint8Array()],
    ["a truncated PNG", new Uint8Array([0x89, 0x50, 0x4e])],
    ["a RIFF that is not WebP", new TextEncoder().encode("RIFF\0\0\0\0WAVEfmt ")],
    ["an MP4 video", new Uint8Array([0, 0, 0, 0x18, ...new TextEncoder().encode("ftypisom")])],
  ])("recognises nothing in %s", (_, bytes) => {
    expect(detectDocumentType(bytes)).toBeUndefined();
  });
});

describe("submission body", () => {
  it("writes the same JSON whatever the order of keys", () => {
    expect(canonicalJson({ b: [1, { y: 2, x: "é" }], a: null })).toBe(
      canonicalJson({ a: null, b: [1, { x: "é", y: 2 }] }),
    );
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
  });

  it("fingerprints a body as the digest of its canonical JSON, with its answers as stored", () => {
    const parsed = parseSubmissionBody({
      documents: [
        { uploadId: "0".repeat(32), fieldId: "a", sha256: "ab".repeat(32), type: "application/pdf", size: 1 },
      ],
      flowVersion: 2,
      answers: { z: [{ b: 1, a: "é" }], a: true, m: null },
      flowId: "f",
    });
    if (!parsed.ok) throw new Error("expected a valid body");
    expect(fingerprint(parsed.body)).toEqual({
      answers: canonicalJson(parsed.body.answers),
      bodySha256: sha256Hex(canonicalJson(parsed.body)),
    });
    // Digests already recorded were made from this text: it must not change.
    expect(canonicalJson(parsed.body.answers)).toBe('{"a":true,"m":null,"z":[{"a":"é","b":1}]}');
  });

  it("hashes only the contract's fields, digests in lower case", () => {
    const parsed = parseSubmissionBody({
      flowId: "f",
      flowVersion: 1,
      answers: {},
      documents: [
        { fieldId: "a", uploadId: "0".repeat(32), sha256: "AB".repeat(32), size: 1, type: "application/pdf" },
      ],
      clientVersion: "1.2.3",
    });
    if (!parsed.ok) throw new Error("expected a valid body");
    expect(Object.keys(parsed.body).sort()).toEqual(["answers", "documents", "flowId", "flowVersion"]);
    expect(parsed.body.documents[0]?.sha256).toBe("ab".repeat(32));
  });

  it("takes canonical UUIDs, in either case", () => {
    expect(parseSubmissionId("7B0F6A8E-3C1D-4F7A-9B2E-1A2B3C4D5E6F")).toBe(
      "7b0f6a8e-3c1d-4f7a-9b2e-1a2b3c4d5e6f",
    );
    expect(parseSubmissionId("{7b0f6a8e-3c1d-4f7a-9b2e-1a2b3c4d5e6f}")).toBeUndefined();
  });
});

describe("Nouméa's year", () => {
  it("starts eleven hours before UTC's", () => {
    expect(yearInNoumea(new Date("2026-12-31T12:59:59Z"))).toBe(2026);
    expect(yearInNoumea(new Date("2026-12-31T13:00:00Z"))).toBe(2027);
  });
});

describe("flows and their French texts", () => {
  let texts: FrenchTexts;
  let flows: FlowRegistry;
  beforeAll(async () => {
    texts = await FrenchTexts.load(DEFAULT_LOCALES_DIR);
    flows = await FlowRegistry.load(DEFAULT_FLOWS_DIR, texts);
  });

  it("interpolates parameters and picks French plural forms", () => {
    expect(texts.text("errors:min", "x", { min: "3" })).toBe("Indiquez un nombre égal ou supérieur à 3.");
    expect(texts.text("errors:minItems", "x", { count: 1 })).toBe("Ajoutez au moins 1 élément.");
    expect(texts.text("errors:minItems", "x", { count: 2 })).toBe("Ajoutez au moins 2 éléments.");
    expect(texts.text("errors:nothing", "x")).toBeUndefined();
    expect(texts.text("title", "bourse-scolaire")).toBe("Bourse scolaire");
  });

  it("keeps versions apart", () => {
    // flows/bourse-scolaire.json is version 2; version 1 is kept in flows/previous/.
    const current = flows.current("bourse-scolaire");
    expect(current?.version).toBe(2);
    expect(flows.get("bourse-scolaire", 2)).toBe(current);
    expect(flows.get("bourse-scolaire", 1)?.version).toBe(1);
    expect(flows.get("bourse-scolaire", 3)).toBeUndefined();
    const next = { ...current, version: 3 } as NonNullable<typeof current>;
    const both = new FlowRegistry([current as NonNullable<typeof current>, next], texts);
    expect(both.current("bourse-scolaire")).toBe(next);
    expect(both.get("bourse-scolaire", 2)).toBe(current);
    expect(both.list()).toEqual([{ id: "bourse-scolaire", version: 3, title: "Bourse scolaire" }]);
  });

  it("finds fields from answer paths", () => {
    const flow = flows.current("bourse-scolaire");
    if (!flow) throw new Error("no flow");
    expect(fieldAt(flow, "children.0.level")?.id).toBe("level");
    expect(fieldAt(flow, "children.x.level")).toBeUndefined();
    expect(documentFieldById(flow, "ribFile")?.maxBytes).toBe(5_000_000);
    expect(documentFieldById(flow, "applicantFirstName")).toBeUndefined();
    expect(documentAnswerPaths(flow, {}).map((p) => p.path)).toContain("ribFile");
  });
});
