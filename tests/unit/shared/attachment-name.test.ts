import { describe, expect, it } from "vitest";
import { attachmentName } from "../../../src/shared/api/message-attachments";

describe("a joined file's name as it is kept and said in a download", () => {
  it("is cut at 120 characters without splitting one in two", () => {
    const name = attachmentName(`${"a".repeat(119)}📄 courrier.pdf`);
    expect(Array.from(name)).toHaveLength(120);
    expect(name.endsWith("📄")).toBe(true);
    expect(() => encodeURIComponent(name)).not.toThrow();
  });

  it("drops a lone half of a character, which no header can carry", () => {
    const name = attachmentName("lettre\uD83D.pdf");
    expect(name).toBe("lettre.pdf");
    expect(attachmentName("\uDCA9avis.pdf")).toBe("avis.pdf");
  });
});
