/**
 * Small files for the photos and PDFs of the examples: the example's file name and type, with
 * content of that type, since the app reads a file's type from its first bytes.
 */

/** How a stored document answer looks in an example: `{ id, name, type, size }`. */
export interface ExampleDocument {
  readonly name: string;
  readonly type: string;
}

/**
 * Photos must be real: the app decodes each one to shrink it. These are 16×12 images drawn with
 * Chromium's own canvas; a PDF is kept as it is, so its header and trailer are enough.
 */
const SAMPLES: Readonly<Record<string, Buffer>> = {
  "application/pdf": Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n", "latin1"),
  "image/jpeg": Buffer.from(
    [
      "/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABh",
      "Y3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
      "AAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAAB",
      "UAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAA",
      "AAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9Y",
      "WVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAM",
      "ZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQ",
      "FxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgo",
      "KCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAMABADASIAAhEBAxEB/8QAFwAAAwEAAAAAAAAAAAAAAAAAAwQF",
      "B//EACYQAAEDAwMDBQEAAAAAAAAAAAECBBEDBQYAEiETIjEUFUFRgZH/xAAVAQEBAAAAAAAAAAAAAAAAAAACA//EABwRAAEEAwEA",
      "AAAAAAAAAAAAAAEAAxESAjGxcf/aAAwDAQACEQMRAD8A1fKV3wX10GOUXJg27drejja3aEdomKoQQqTJ88THxp7FrdkZdNX77LKz",
      "+3925pWs6Wi18FImYWmDB8cx9HV19jljfuluX1mtrlyuN1Ws1QtaoECSRJ4AH5o9stFttXU9rtzNl1Y6npqCae+JidoExJ/umXsa",
      "VG/B2JUw2bSelf/Z",
    ].join(""),
    "base64",
  ),
  "image/png": Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAABAAAAAMCAYAAABr5z2BAAAAYElEQVR4AaSPuwkAIAxEg9s4kZ3D2TmRK9gK9lrdFQFJgsIRzOflkvaa50dJPh8BuXaJCHsJQCIaCRitSERYRAAS0UiAdf8LTIBl3wRYDlDXILcDOHwCdMH7pwPvgO67AAAA///fScStAAAABklEQVQDALJWltmxPPiRAAAAAElFTkSuQmCC",
    "base64",
  ),
};

/** What Playwright's setInputFiles and FileChooser.setFiles take for a file made in memory. */
export interface FilePayload {
  readonly name: string;
  readonly mimeType: string;
  readonly buffer: Buffer;
}

export function isExampleDocument(value: unknown): value is ExampleDocument {
  const file = value as ExampleDocument;
  return (
    typeof file === "object" &&
    file !== null &&
    typeof file.name === "string" &&
    typeof file.type === "string"
  );
}

export function filePayload(document: ExampleDocument): FilePayload {
  const buffer = SAMPLES[document.type];
  if (!buffer) throw new Error(`no sample bytes for ${document.type} (${document.name})`);
  return { name: document.name, mimeType: document.type, buffer };
}
