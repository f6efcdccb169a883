/**
 * A document as one or more files (a photo per page). The files go to the page's FileStore, which
 * checks their content and shrinks photos; the answer is the list of their DocumentRefs. A file the
 * field cannot take is explained at once; a file the device could not store can be tried again,
 * and nothing stored before is lost. The engine checks the answer again on "Continuer".
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { DOCUMENT_LATER } from "../../../shared/engine/answers";
import { type DocumentRef, isDocumentRef } from "../../../shared/engine/validate";
import { DocumentError } from "../../documents/document-error";
import { formatBytes } from "../../format/format";
import { useTranslation } from "../../i18n/use-translation";
import { StorageError, type StorageProblem } from "../../storage/storage-errors";
import { cameraLikely } from "./camera-likely";
import { FORMAT_NAMES, notStoredText, refusalText } from "./document-texts";
import { DocumentThumbnail } from "./document-thumbnail";
import type { FieldProps, FileStore, LeafFieldOfType } from "./field-props";
import { OptionList } from "./option-list";

export interface DocumentFieldProps extends FieldProps<LeafFieldOfType<"document">> {
  readonly files: FileStore;
}

/** A file to store, in place of an earlier one when it replaces it. */
interface Job {
  readonly file: File;
  readonly replaces?: DocumentRef;
}

interface Refusal {
  readonly name: string;
  readonly error: DocumentError;
}

/** Files the device did not store, kept in memory so "Réessayer" can store them again. */
interface Unstored {
  readonly jobs: readonly Job[];
  readonly code: StorageProblem;
}

/** Which focus to restore once the list has changed. */
type FocusAfter = { readonly on: "field" } | { readonly on: "replace"; readonly index: number };

const without = <T,>(list: readonly T[], item: T) => {
  const index = list.indexOf(item);
  return index < 0 ? list : [...list.slice(0, index), ...list.slice(index + 1)];
};

export function DocumentField({ field, id, value, onChange, files, text }: DocumentFieldProps) {
  const { t, language } = useTranslation();
  const refs = Array.isArray(value) ? value.filter(isDocumentRef) : [];
  // Stores finish after re-renders; each result is added to the latest list, not the one it started from.
  const latest = useRef(refs);
  latest.current = refs;
  const chooser = useRef<HTMLInputElement>(null);
  const camera = useRef<HTMLInputElement>(null);
  const replacer = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const replacing = useRef<DocumentRef>();
  const focusAfter = useRef<FocusAfter>();
  const [working, setWorking] = useState<readonly File[]>([]);
  const [refusals, setRefusals] = useState<readonly Refusal[]>([]);
  const [unstored, setUnstored] = useState<Unstored>();
  const [status, setStatus] = useState("");
  const canAdd = refs.length < field.maxFiles;
  const imageTypes = field.accept.filter((type) => type.startsWith("image/"));
  const offersPhoto = imageTypes.length > 0 && cameraLikely();
  const limitsId = `${id}-limits`;
  const unstoredId = `${id}-unstored`;

  // After every render: the list it waits for may change in any of them.
  useEffect(() => {
    const wanted = focusAfter.current;
    focusAfter.current = undefined;
    if (wanted?.on === "field") document.getElementById(id)?.focus();
    // Only when the replaced row took the focus with it: the person may have moved on meanwhile.
    if (wanted?.on === "replace" && (document.activeElement ?? document.body) === document.body)
      list.current?.querySelectorAll<HTMLElement>(".document__replace")[wanted.index]?.focus();
  });

  const report = (next: DocumentRef[]) => {
    latest.current = next;
    onChange(next);
  };

  function keep(ref: DocumentRef, replaces: DocumentRef | undefined) {
    const index = replaces ? latest.current.findIndex((other) => other.id === replaces.id) : -1;
    if (!replaces || index < 0) {
      report([...latest.current, ref]);
      setStatus(t("fields:document.stored", { name: ref.name }));
      return;
    }
    report(latest.current.map((other, at) => (at === index ? ref : other)));
    setStatus(t("fields:document.replaced", { name: ref.name }));
    focusAfter.current = { on: "replace", index };
    // Removed only once the new one is stored: a failed replacement keeps the old file.
    files.remove(replaces).catch(() => undefined);
  }

  async function run(jobs: readonly Job[]) {
    setStatus("");
    setRefusals([]);
    setUnstored(undefined);
    setWorking((current) => [...current, ...jobs.map((job) => job.file)]);
    for (const job of jobs) {
      try {
        keep(await files.store(job.file, field), job.replaces);
      } catch (error) {
        if (error instanceof DocumentError)
          setRefusals((current) => [...current, { name: job.file.name, error }]);
        else
          setUnstored((current) => ({
            jobs: [...(current?.jobs ?? []), job],
            code: error instanceof StorageError ? error.code : "unknown",
          }));
      } finally {
        setWorking((current) => without(current, job.file));
      }
    }
  }

  function remove(ref: DocumentRef) {
    report(latest.current.filter((other) => other.id !== ref.id));
    setStatus(t("fields:document.removed", { name: ref.name }));
    focusAfter.current = { on: "field" };
    // The answer no longer points to the file: a copy left behind costs space, not correctness.
    files.remove(ref).catch(() => undefined);
  }

  function replace(ref: DocumentRef) {
    replacing.current = ref;
    replacer.current?.click();
  }

  const picked = (event: Event & { currentTarget: HTMLInputElement }) => {
    const chosen = [...(event.currentTarget.files ?? [])];
    // Cleared so that choosing the same file again still counts as a change.
    event.currentTarget.value = "";
    return chosen;
  };
  const onPicked = (event: Event & { currentTarget: HTMLInputElement }) => {
    const chosen = picked(event);
    if (chosen.length > 0) void run(chosen.map((file) => ({ file })));
  };
  const onReplacementPicked = (event: Event & { currentTarget: HTMLInputElement }) => {
    const [file] = picked(event);
    if (file && replacing.current) void run([{ file, replaces: replacing.current }]);
  };

  const [next] = working;
  // The browser's guess at the type is enough to choose the words; the store checks the content.
  const progress = next && (next.type.startsWith("image/") ? "preparingPhoto" : "storing");

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
        <ul class="document__files" aria-label={t("fields:document.added")} ref={list}>
          {refs.map((ref, index) => (
            <li key={ref.id} class="document__file">
              <DocumentThumbnail doc={ref} files={files} />
              <span class="document__about">
                <span class="document__name">{ref.name}</span>
                <span class="document__size">{formatBytes(ref.size, language)}</span>
              </span>
              <span class="document__file-actions">
                <button
                  type="button"
                  class="document__replace"
                  id={index === 0 && !canAdd ? id : undefined}
                  onClick={() => replace(ref)}
                >
                  {t("fields:document.replace")}
                  <span class="visually-hidden"> {ref.name}</span>
                </button>
                <button type="button" onClick={() => remove(ref)}>
                  {t("fields:document.remove")}
                  <span class="visually-hidden"> {ref.name}</span>
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {canAdd && (
        <div class="document__actions">
          <button type="button" id={id} aria-describedby={limitsId} onClick={() => chooser.current?.click()}>
            {t("fields:document.choose")}
          </button>
          {offersPhoto && (
            <button type="button" aria-describedby={limitsId} onClick={() => camera.current?.click()}>
              {t("fields:document.photo")}
            </button>
          )}
        </div>
      )}
      {field.later !== undefined && refs.length === 0 && (
        // Where the rules allow it, a person who does not have the document yet can still send the
        // request; a file added later replaces this answer.
        <OptionList
          type="checkbox"
          id={`${id}-later`}
          options={[
            {
              key: DOCUMENT_LATER,
              label: t("fields:document.later"),
              hint: text(field.later),
              checked: value === DOCUMENT_LATER,
            },
          ]}
          onToggle={(_, checked) => onChange(checked ? DOCUMENT_LATER : undefined)}
        />
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
      {offersPhoto && (
        <input
          ref={camera}
          type="file"
          hidden
          accept={imageTypes.join(",")}
          capture="environment"
          onChange={onPicked}
        />
      )}
      <input
        ref={replacer}
        type="file"
        hidden
        accept={field.accept.join(",")}
        onChange={onReplacementPicked}
      />
      <p class="document__status" role="status">
        {progress ? t(`fields:document.${progress}`) : status}
      </p>
      {(refusals.length > 0 || unstored) && (
        <div class="document__problems" role="alert">
          {refusals.map(({ name, error }, index) => (
            <p key={index} class="document__failure">
              {t("fields:document.refused.fileProblem", {
                name,
                problem: refusalText(error, field, language, offersPhoto),
              })}
            </p>
          ))}
          {unstored && (
            <>
              <p class="document__failure" id={unstoredId}>
                {notStoredText(unstored.code, unstored.jobs.length)}
              </p>
              <p class="document__kept">{t("fields:document.notStored.kept")}</p>
            </>
          )}
        </div>
      )}
      {unstored && (
        <div class="document__actions">
          <button type="button" aria-describedby={unstoredId} onClick={() => void run(unstored.jobs)}>
            {t("fields:document.notStored.retry")}
          </button>
        </div>
      )}
    </>
  );
}
