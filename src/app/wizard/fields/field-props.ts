/**
 * What every field component receives. Components show the value and the engine's error, and
 * report changes; they never validate (the machine does, on "Continuer").
 */
import type { DocumentRef, FieldError } from "../../../shared/engine/validate";
import type { LeafFieldDef } from "../../../shared/flow/schema";

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
 * hold only DocumentRefs. store() rejects when the file cannot be kept (storage full, unreadable).
 */
export interface FileStore {
  store(file: File): Promise<DocumentRef>;
  remove(ref: DocumentRef): Promise<void>;
}
