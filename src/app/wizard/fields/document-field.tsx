/**
 * A document as one or more files (a photo per page). The files go to the page's FileStore; the
 * answer is the list of their DocumentRefs. Type and size are checked by the engine on
 * "Continuer", like every other answer, so a wrong file is explained, never silently refused.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { type DocumentRef, isDocumentRef } from "../../../shared/engine/validate";
import type { DOCUMENT_TYPES } from "../../../shared/flow/schema";
import { formatBytes } from "../../format/format";
import { useTranslation } from "../../i18n/use-translation";
import type { FieldProps, FileStore, LeafFieldOfType } from "./field-props";

export interface DocumentFieldProps extends FieldProps<LeafFieldOfType<"document">> {
  readonly files: FileStore;
}

/** Format names are the same in every language. */
const FORMAT_NAMES: Record<(typeof DOCUMENT_TYPES)[number], string> = {
  "image/jpeg": "JPEG",
  "image/png": "PNG",
  "image/webp": "WebP",
  "image/heic": "HEIC",
  "application/pdf": "PDF",
};

export function DocumentField({ field, id, value, onChange, files }: DocumentFieldProps) {
  const { t, language } = useTranslation();
  const refs = Array.isArray(value) ? value.filter(isDocumentRef) : [];
  // Stores finish after re-renders; each result is added to the latest list, not the one it started from.
  const latest = useRef(refs);
  latest.current = refs;
  const chooser = useRef<HTMLInputElement>(null);
  const camera = useRef<HTMLInputElement>(null);
  const [storing, setStoring] = useState(0);
  const [failed, setFailed] = useState(false);
  const [status, setStatus] = useState("");
  const focusAfterRemove = useRef(false);
  const canAdd = refs.length < field.maxFiles;
  const imageTypes = field.accept.filter((type) => type.startsWith("image/"));
  const limitsId = `${id}-limits`;

  useEffect(() => {
    if (!focusAfterRemove.current) return;
    focusAfterRemove.current = false;
    document.getElementById(id)?.focus();
  }, [refs.length, id]);

  const report = (next: DocumentRef[]) => {
    latest.current = next;
    onChange(next);
  };

  async function add(picked: File[]) {
    setFailed(false);
    setStoring((count) => count + picked.length);
    for (const file of picked) {
      try {
        const ref = await files.store(file);
        report([...latest.current, ref]);
        setStatus(t("fields:document.stored", { name: ref.name }));
      } catch {
        // The store's reason may be a key of its own; the person needs to know only that it failed.
        setFailed(true);
      } finally {
        setStoring((count) => count - 1);
      }
    }
  }

  function remove(ref: DocumentRef) {
    report(latest.current.filter((other) => other.id !== ref.id));
    setStatus(t("fields:document.removed", { name: ref.name }));
    focusAfterRemove.current = true;
    // The answer no longer points to the file: a copy left behind costs space, not correctness.
    files.remove(ref).catch(() => undefined);
  }

  const onPicked = (event: Event & { currentTarget: HTMLInputElement }) => {
    const picked = [...(event.currentTarget.files ?? [])];
    // Cleared so that choosing the same file again still counts as a change.
    event.currentTarget.value = "";
    if (picked.length > 0) void add(picked);
  };

  return (
    <>
      <p class="question__hint" id={limitsId}>
        {t("fields:document.formats", {
          formats: new Intl.ListFormat(language, { type: "disjunction" }).format(
            field.accept.map((type) => FORMAT_NAMES[type]),
          ),
          size: formatBytes(field.maxBytes, language),
        })}
        {field.maxFiles > 1 && ` ${t("fields:document.maxFiles", { count: field.maxFiles })}`}
      </p>
      {refs.length > 0 && (
        <ul class="document__files" aria-label={t("fields:document.added")}>
          {refs.map((ref, index) => (
            <li key={ref.id} class="document__file">
              <span class="document__name">{ref.name}</span>
              <span class="document__size">{formatBytes(ref.size, language)}</span>
              <button type="button" id={index === 0 && !canAdd ? id : undefined} onClick={() => remove(ref)}>
                {t("fields:document.remove")}
                <span class="visually-hidden"> {ref.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {canAdd && (
        <div class="document__actions">
          <button type="button" id={id} aria-describedby={limitsId} onClick={() => chooser.current?.click()}>
            {t("fields:document.choose")}
          </button>
          {imageTypes.length > 0 && (
            <button type="button" aria-describedby={limitsId} onClick={() => camera.current?.click()}>
              {t("fields:document.photo")}
            </button>
          )}
        </div>
      )}
      {/* The buttons open these: a native file input cannot be styled as a 44 px button nor renamed. */}
      <input
        ref={chooser}
        type="file"
        hidden
        accept={field.accept.join(",")}
        multiple={field.maxFiles - refs.length > 1}
        onChange={onPicked}
      />
      {imageTypes.length > 0 && (
        <input
          ref={camera}
          type="file"
          hidden
          accept={imageTypes.join(",")}
          capture="environment"
          onChange={onPicked}
        />
      )}
      <p class="document__status" role="status">
        {storing > 0 ? t("fields:document.storing") : status}
      </p>
      {failed && (
        <p class="document__failure" role="alert">
          {t("fields:document.storeFailed")}
        </p>
      )}
    </>
  );
}
