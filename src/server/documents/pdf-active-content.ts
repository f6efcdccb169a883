/**
 * Whether a PDF can act when an agent opens it: run JavaScript, run something on opening, launch
 * a program, carry files, or react to events. Such PDFs are refused, not cleaned: a person's
 * papers never need any of it. The names are looked for in the file's bytes and in every
 * compressed stream (object streams hide dictionaries there), with `#xx` escapes in names
 * undone, so `/J#61vaScript` is `/JavaScript`. An encrypted PDF keeps its streams unreadable
 * to the server, so it cannot be checked: it is refused too (ARCHITECTURE.md).
 */
import { constants, inflateSync } from "node:zlib";

const ACTIVE_NAMES = ["JavaScript", "JS", "OpenAction", "Launch", "EmbeddedFiles", "AA", "RichMedia", "XFA"];
/** A name ends at whitespace or a delimiter (PDF 1.7, 7.2.2), so /JSON is not /JS. */
const ACTIVE = new RegExp(`/(?:${ACTIVE_NAMES.join("|")})(?=[\\s/<>\\[\\]()%{}]|$)`);
const ENCRYPTED = /\/Encrypt(?=[\s/<>[\]()%{}])/;
/** Decompressed bytes looked at per document: more is a compression bomb, refused as unsafe. */
const MAX_INFLATED_BYTES = 64 * 1024 * 1024;

export type PdfVerdict = "safe" | "active" | "encrypted";

export function pdfVerdict(bytes: Uint8Array): PdfVerdict {
  const text = withEscapesUndone(latin1(bytes));
  if (ACTIVE.test(text)) return "active";
  if (ENCRYPTED.test(text)) return "encrypted";
  let inflated = 0;
  for (const stream of streamsOf(bytes)) {
    let content: Buffer;
    try {
      content = inflateSync(stream, {
        // A stream cut short still gives what it holds.
        finishFlush: constants.Z_SYNC_FLUSH,
        maxOutputLength: MAX_INFLATED_BYTES - inflated + 1,
      });
    } catch (error) {
      if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") return "active";
      // Not deflated (an image's own coding, say): its bytes were looked at above.
      continue;
    }
    inflated += content.byteLength;
    if (inflated > MAX_INFLATED_BYTES) return "active";
    if (ACTIVE.test(withEscapesUndone(content.toString("latin1")))) return "active";
  }
  return "safe";
}

const latin1 = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");

/** `#4A` in a name is the byte 0x4A. */
const withEscapesUndone = (text: string) =>
  text.includes("#")
    ? text.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    : text;

/** The data between each `stream` keyword's end of line and the next `endstream`. */
function* streamsOf(bytes: Uint8Array): Generator<Uint8Array> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let from = 0;
  for (;;) {
    const start = buffer.indexOf("stream", from, "latin1");
    if (start < 0) return;
    let data = start + "stream".length;
    if (buffer[data] === 0x0d) data++;
    if (buffer[data] === 0x0a) data++;
    const end = buffer.indexOf("endstream", data, "latin1");
    if (end < 0) {
      yield buffer.subarray(data);
      return;
    }
    // "endstream" itself contains "stream": look past it.
    if (start >= 3 && buffer.toString("latin1", start - 3, start) === "end") {
      from = start + 1;
      continue;
    }
    yield buffer.subarray(data, end);
    from = end + "endstream".length;
  }
}
