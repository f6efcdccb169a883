/**
 * One request as a PDF for the archive: its reference, procedure and status, the answers in the
 * review sections, the computed values and how they were worked out, the list of its documents
 * and its history. pdf-lib (already a dependency) with its standard Helvetica: no font file to
 * ship, at the price of WinAnsi text, so characters outside it are replaced.
 */
import { PDFDocument, type PDFFont, type PDFPage, StandardFonts } from "pdf-lib";
import type { AgentRequestView } from "../../shared/api/agents";
import type { FrenchTexts } from "../flows/french-texts";

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const SIZE = 10;
const LINE = 14;

const NOUMEA = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "Pacific/Noumea",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

export async function requestArchive(
  view: AgentRequestView,
  texts: FrenchTexts,
  now: Date,
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const say = (key: string, params: Record<string, string> = {}) =>
    texts.text(`archive.${key}`, "agents", params) ?? key;
  pdf.setTitle(winAnsi(say("title", { reference: view.request.reference })));
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const writer = new PageWriter(pdf, regular, bold);

  writer.heading(say("title", { reference: view.request.reference }), 16);
  writer.line(`${say("procedure")} : ${view.flowTitle}`);
  writer.line(`${say("receivedAt")} : ${NOUMEA.format(new Date(view.request.receivedAt))}`);
  writer.line(
    `${say("status")} : ${texts.text(`statuses.${view.request.status}`, "agents") ?? view.request.status}`,
  );
  for (const section of view.sections) {
    writer.heading(section.title);
    for (const row of section.rows) writer.line(`${row.label} : ${row.value}`);
  }
  if (view.computed.length > 0) {
    writer.heading(say("computed"));
    for (const value of view.computed) {
      writer.line(`${value.label} : ${value.value}`);
      writer.line(value.explanation, 12);
    }
  }
  writer.heading(say("documents"));
  if (view.documents.length === 0) writer.line(say("noDocuments"));
  for (const doc of view.documents)
    writer.line(`${doc.label} (${doc.type}, ${Math.ceil(doc.size / 1024)} Ko)`);
  writer.heading(say("history"));
  for (const event of view.history) {
    // A corrected answer changes no status: the entry says what changed.
    const what =
      event.action === "correct_answers"
        ? say("corrected")
        : (texts.text(`statuses.${event.toStatus}`, "agents") ?? event.toStatus);
    writer.line(`${NOUMEA.format(new Date(event.at))} : ${what}${event.reason ? ` (${event.reason})` : ""}`);
  }
  writer.line("");
  writer.line(say("printedAt", { date: NOUMEA.format(now) }));
  return pdf.save();
}

class PageWriter {
  private page: PDFPage;
  private y: number;

  constructor(
    private readonly pdf: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.page = pdf.addPage(A4);
    this.y = A4[1] - MARGIN;
  }

  heading(text: string, size = 12): void {
    this.y -= LINE / 2;
    this.write(text, this.bold, size, 0);
  }

  line(text: string, indent = 0): void {
    this.write(text, this.regular, SIZE, indent);
  }

  private write(text: string, font: PDFFont, size: number, indent: number): void {
    const width = A4[0] - 2 * MARGIN - indent;
    for (const part of wrap(winAnsi(text), font, size, width)) {
      if (this.y < MARGIN) {
        this.page = this.pdf.addPage(A4);
        this.y = A4[1] - MARGIN;
      }
      this.page.drawText(part, { x: MARGIN + indent, y: this.y, size, font });
      this.y -= size + 4;
    }
  }
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(" ")) {
    const tried = current === "" ? word : `${current} ${word}`;
    if (font.widthOfTextAtSize(tried, size) <= width || current === "") current = tried;
    else {
      lines.push(current);
      current = word;
    }
  }
  lines.push(current);
  return lines;
}

/** Helvetica's WinAnsi has French letters and the no-break space, not the narrow one Intl writes. */
export function winAnsi(text: string): string {
  return text
    .replace(/[\u202f\u2009]/g, "\u00a0")
    .replace(/[\r\n\t]+/g, " ")
    .replace(/[^\u0020-\u007e\u00a0-\u00ff\u2019\u201c\u201d\u2013\u2014\u2026\u20ac\u0152\u0153]/g, "?");
}
