/** A stored photo's thumbnail, or the format's name for a file without one (a PDF). */
import { useEffect, useState } from "preact/hooks";
import type { DocumentType } from "../../../shared/document-type";
import type { DocumentRef } from "../../../shared/engine/validate";
import { FORMAT_NAMES } from "./document-texts";
import type { FileStore } from "./field-props";

/** The size it is shown at (CSS px); the thumbnail has twice as many pixels, for sharp screens. */
const SHOWN_SIZE = 64;

export function DocumentThumbnail({ doc, files }: { readonly doc: DocumentRef; readonly files: FileStore }) {
  const [url, setUrl] = useState<string>();

  useEffect(() => {
    if (!files.thumbnail) return;
    let current = true;
    let made: string | undefined;
    files
      .thumbnail(doc)
      .then((thumbnail) => {
        if (!thumbnail || !current) return;
        made = URL.createObjectURL(thumbnail);
        setUrl(made);
      })
      // The file's name and size still say which file it is.
      .catch(() => undefined);
    return () => {
      current = false;
      // An object URL holds the bytes until revoked, even after the picture is gone.
      if (made) URL.revokeObjectURL(made);
    };
  }, [doc, files]);

  // Empty alt: the name next to it says what it is, read once rather than twice.
  return url ? (
    <img class="document__thumbnail" src={url} alt="" width={SHOWN_SIZE} height={SHOWN_SIZE} />
  ) : (
    <span class="document__thumbnail document__thumbnail--none" aria-hidden="true">
      {FORMAT_NAMES[doc.type as DocumentType] ?? ""}
    </span>
  );
}
