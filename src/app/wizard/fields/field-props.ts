/**
 * What every field component receives. Components show the value and the engine's error, and
 * report changes; they never validate (the machine does, on "Continuer").
 */
import type { DocumentRef, FieldError } from "../../../shared/engine/validate";
import type { LeafFieldDef } from "../../../shared/flow/schema";
import type { DocumentRules } from "../../documents/prepare-document";

/** Translates a key from a flow file (its namespace already resolved by the caller). */
export type FlowText = (key: string, values?: Record<string, unknown>) => string;

/** A field of the given types. Extract would not do: one schema variant covers "text" and "longText". */
export type LeafFieldOfType<T extends LeafFieldDef["type"]> = LeafFieldDef & { readonly type: T };

export interface FieldProps<F extends LeafFieldDef = LeafFieldDef> {
  readonly field: F;
  /** DOM id of the control, or of the first control of a set; the error summary links to it. */
  readonly id: string;
  readonly value: unknown;
  readonly error?: FieldError | undefined;
  readonly onChange: (value: unknown) => void;
  readonly text: FlowText;
}

/**
 * Where the files of document fields are kept (the page's storage, not the answers): the answers
 * hold only DocumentRefs. store() checks the file against the field's rules and shrinks photos;
 * it rejects with a DocumentError (a file the field cannot take) or a StorageError (the device
 * refused to keep it: worth a retry).
 */
export interface FileStore {
  store(file: File, rules: DocumentRules): Promise<DocumentRef>;
  remove(ref: DocumentRef): Promise<void>;
  /** The small picture shown next to a photo; undefined for a PDF. A store may keep none. */
  thumbnail?(ref: DocumentRef): Promise<Blob | undefined>;
}
