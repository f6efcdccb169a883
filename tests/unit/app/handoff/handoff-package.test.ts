/**
 * A draft and its documents sealed with a code's secret and opened again on "another device"
 * (the same fake IndexedDB): the new draft has the same answers, step and document bytes under
 * new ids; a wrong secret, a mistyped code, and tampered bytes are refused.
 */
import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import { decrypt, encrypt, WrongKey } from "../../../../src/app/handoff/crypto";
import {
  codeOf,
  groupsOf,
  linkOf,
  parseCode,
  randomSecret,
  secretOf,
} from "../../../../src/app/handoff/handoff-code";
import { packDraft, summaryOf, unpackDraft } from "../../../../src/app/handoff/package";
import { closeDatabase, DB_NAME } from "../../../../src/app/storage/database";
import { loadDraft, saveDraft } from "../../../../src/app/storage/drafts";
import { readFile, storeFile } from "../../../../src/app/storage/files";

afterEach(async () => {
  await closeDatabase();
  indexedDB.deleteDatabase(DB_NAME);
});

describe("the hand-off code", () => {
  it("reads back what it shows, in any case and with spaces or dashes", () => {
    const code = codeOf("ABCDE23456", randomSecret());
    const groups = groupsOf(code);
    expect(groups.locator).toEqual(["ABCDE", "23456"]);
    expect(groups.secret).toHaveLength(4);
    const typed = `${groups.locator.join(" ")} - ${groups.secret.join(" ").toLowerCase()}`;
    expect(parseCode(typed)).toEqual(code);
    const link = linkOf("https://pas-a-pas.nc", code);
    expect(parseCode(new URL(link).hash.slice(1))).toEqual(code);
  });

  it("catches one wrong character and two swapped neighbours", () => {
    const code = codeOf("ABCDE23456", "PQRSTUVWXYZ2345");
    const text = code.locator + code.secret;
    for (let i = 0; i < text.length; i++) {
      const wrong = text.slice(0, i) + (text[i] === "Z" ? "Y" : "Z") + text.slice(i + 1);
      expect(parseCode(wrong), `character ${i} changed`).toBeUndefined();
    }
    for (let i = 0; i + 1 < text.length; i++) {
      if (text[i] === text[i + 1]) continue;
      const swapped = text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2);
      expect(parseCode(swapped), `characters ${i} and ${i + 1} swapped`).toBeUndefined();
    }
    expect(parseCode(text.replace("A", "O"))).toBeUndefined();
  });
});

describe("a draft's package", () => {
  it("comes back as a new draft at the same step, with its documents' bytes", async () => {
    const document = await storeFile(new Blob(["%PDF-1.4 avis"]), "avis.pdf", "application/pdf");
    await saveDraft({
      id: "11111111-1111-4111-8111-111111111111",
      flowId: "bourse-scolaire",
      flowVersion: 1,
      answers: { applicantFirstName: "Léa", taxNoticeFile: [document] },
      updatedAt: new Date().toISOString(),
      step: "documents",
      progress: { step: 5, total: 9 },
      owner: null,
      revision: 1,
    });
    const plain = await packDraft("11111111-1111-4111-8111-111111111111");
    expect(plain).toBeDefined();
    const secret = randomSecret();
    const sealed = await encrypt(plain as Uint8Array<ArrayBuffer>, secret);
    expect(Buffer.from(sealed).includes(Buffer.from("Léa"))).toBe(false);
    expect(Buffer.from(sealed).includes(Buffer.from("%PDF"))).toBe(false);
    await expect(decrypt(sealed, randomSecret())).rejects.toBeInstanceOf(WrongKey);
    const tampered = sealed.slice();
    tampered[40] = (tampered[40] as number) ^ 1;
    await expect(decrypt(tampered, secret)).rejects.toBeInstanceOf(WrongKey);

    const opened = await decrypt(sealed, secretOf(codeOf("ABCDE23456", secret)));
    expect(summaryOf(opened)).toMatchObject({
      flowId: "bourse-scolaire",
      step: "documents",
      documents: [{ name: "avis.pdf", size: 13 }],
    });
    const id = await unpackDraft(opened);
    const copy = await loadDraft(id);
    expect(copy).toMatchObject({ flowId: "bourse-scolaire", step: "documents", revision: 1 });
    const [ref] = (copy?.answers.taxNoticeFile ?? []) as { id: string }[];
    expect(ref?.id).not.toBe(document.id);
    expect(await (await readFile(ref?.id ?? ""))?.blob.text()).toBe("%PDF-1.4 avis");
    // The original is untouched beside it.
    expect(await (await readFile(document.id))?.blob.text()).toBe("%PDF-1.4 avis");
  });
});
