/**
 * Checks answers against a flow: types, required fields on the path actually taken, and each
 * field's constraints. Errors are locale keys with their parameters, so the browser shows them
 * in the person's language and the server returns the same codes. The browser and the server
 * call these same functions.
 */
import { isCommuneId } from "../communes";
import { holds, type Scope } from "../expression/expression";
import { indexFlow } from "../flow/flow-index";
import type { Field, Flow, GroupFieldDef, LeafFieldDef, Step } from "../flow/schema";
import { type Answers, APPLY_ANYWAY, type Item, isEmpty } from "./answers";
import { scopeFor } from "./computed";
import { pathOf } from "./path";

export type ErrorCode =
  | "required"
  | "type"
  | "min"
  | "max"
  | "minLength"
  | "maxLength"
  | "pattern"
  | "option"
  | "minItems"
  | "maxItems"
  | "fileType"
  | "fileSize"
  | "maxFiles"
  | "phone"
  | "email"
  | "commune"
  | "date"
  | "dateMin"
  | "dateMax"
  | "unexpected"
  | "incomplete";

export interface FieldError {
  /** Dotted place in the answers: "income", "children.1.level". */
  readonly path: string;
  readonly code: ErrorCode;
  /** Locale key of the message: the field's own, or errors:<code>. */
  readonly key: string;
  readonly params: Readonly<Record<string, string | number>>;
}

export interface ValidateOptions {
  /** ISO date used for "today" in date limits; defaults to today in Nouméa. */
  readonly today?: string;
}

const NOUMEA_OFFSET_MS = 11 * 3600 * 1000;

export function todayInNoumea(now = Date.now()): string {
  return new Date(now + NOUMEA_OFFSET_MS).toISOString().slice(0, 10);
}

const PHONE = /^(?:\+687[ .]?)?\d{2}(?:[ .]?\d{2}){2}$/;
/** Deliberately loose: the mail server is the real judge; this catches typing slips. */
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isValidDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The phone number as 6 digits, or undefined when it is not a New Caledonia number. */
export function normalisePhone(value: string): string | undefined {
  const trimmed = value.trim();
  return PHONE.test(trimmed) ? trimmed.replace(/^\+687/, "").replace(/\D/g, "") : undefined;
}

function error(
  field: Field,
  path: string,
  code: ErrorCode,
  params: Record<string, string | number> = {},
): FieldError {
  return { path, code, key: field.errors?.[code] ?? `errors:${code}`, params };
}

/** Visible when it has no condition or its condition holds. */
export function isShown(showIf: string | undefined, scope: Scope): boolean {
  return showIf === undefined || holds(showIf, scope);
}

function checkLeaf(field: LeafFieldDef, value: unknown, path: string, today: string): FieldError[] {
  const fail = (code: ErrorCode, params?: Record<string, string | number>) => [
    error(field, path, code, params),
  ];
  switch (field.type) {
    case "text":
    case "longText": {
      if (typeof value !== "string") return fail("type");
      const length = value.trim().length;
      if (field.minLength !== undefined && length < field.minLength)
        return fail("minLength", { min: field.minLength });
      if (field.maxLength !== undefined && length > field.maxLength)
        return fail("maxLength", { max: field.maxLength });
      if (field.pattern !== undefined && !new RegExp(`^(?:${field.pattern})$`, "u").test(value.trim()))
        return fail("pattern");
      return [];
    }
    case "integer":
    case "amount": {
      if (typeof value !== "number" || !Number.isSafeInteger(value)) return fail("type");
      const min = field.min ?? (field.type === "amount" ? 0 : undefined);
      if (min !== undefined && value < min) return fail("min", { min });
      if (field.max !== undefined && value > field.max) return fail("max", { max: field.max });
      return [];
    }
    case "date": {
      if (typeof value !== "string" || !isValidDate(value)) return fail("date");
      const min = field.min === "today" ? today : field.min;
      const max = field.max === "today" ? today : field.max;
      if (min !== undefined && value < min) return fail("dateMin", { min });
      if (max !== undefined && value > max) return fail("dateMax", { max });
      return [];
    }
    case "yesNo":
      return typeof value === "boolean" ? [] : fail("type");
    case "phone":
      return typeof value === "string" && normalisePhone(value) ? [] : fail("phone");
    case "email":
      return typeof value === "string" && EMAIL.test(value.trim()) ? [] : fail("email");
    case "commune":
      return isCommuneId(value) ? [] : fail("commune");
    case "choice":
      return field.options.some((o) => o.value === value) ? [] : fail("option");
    case "choices": {
      if (!Array.isArray(value) || new Set(value).size !== value.length) return fail("type");
      if (!value.every((v) => field.options.some((o) => o.value === v))) return fail("option");
      if (field.min !== undefined && value.length < field.min) return fail("minItems", { count: field.min });
      if (field.max !== undefined && value.length > field.max) return fail("maxItems", { count: field.max });
      return [];
    }
    case "document": {
      if (!Array.isArray(value) || !value.every(isDocumentRef)) return fail("type");
      if (value.length > field.maxFiles) return fail("maxFiles", { max: field.maxFiles });
      if (value.some((doc) => !(field.accept as readonly string[]).includes(doc.type)))
        return fail("fileType");
      if (value.some((doc) => doc.size > field.maxBytes)) return fail("fileSize", { max: field.maxBytes });
      return [];
    }
  }
}

export interface DocumentRef {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly size: number;
}

export function isDocumentRef(value: unknown): value is DocumentRef {
  const doc = value as DocumentRef;
  return (
    typeof doc === "object" &&
    doc !== null &&
    typeof doc.id === "string" &&
    typeof doc.name === "string" &&
    typeof doc.type === "string" &&
    Number.isSafeInteger(doc.size) &&
    doc.size >= 0
  );
}

function checkGroup(group: GroupFieldDef, value: unknown, scope: Scope, today: string): FieldError[] {
  if (!Array.isArray(value)) return [error(group, group.id, "type")];
  if (value.length < group.min) return [error(group, group.id, "minItems", { count: group.min })];
  if (value.length > group.max) return [error(group, group.id, "maxItems", { count: group.max })];
  return value.flatMap((item: unknown, index) => {
    if (typeof item !== "object" || item === null || Array.isArray(item))
      return [error(group, `${group.id}.${index}`, "type")];
    const itemScope: Scope = { ...scope, item: item as Item };
    const known = new Set(group.fields.map((f) => f.id));
    const unexpected = Object.keys(item)
      .filter((key) => !known.has(key))
      .map((key) => error(group, `${group.id}.${index}.${key}`, "unexpected"));
    return [
      ...unexpected,
      ...group.fields.flatMap((field) =>
        checkField(field, (item as Item)[field.id], `${group.id}.${index}.${field.id}`, itemScope, today),
      ),
    ];
  });
}

/** Errors of one field, given the scope its condition is read in. A hidden field is never in error. */
function checkField(field: Field, value: unknown, path: string, scope: Scope, today: string): FieldError[] {
  if (!isShown(field.showIf, scope)) return [];
  if (isEmpty(value)) {
    if (field.type === "group" && field.min === 0 && !field.required) return [];
    return field.required
      ? [error(field, path, field.type === "group" ? "minItems" : "required", minOf(field))]
      : [];
  }
  return field.type === "group"
    ? checkGroup(field, value, scope, today)
    : checkLeaf(field, value, path, today);
}

function minOf(field: Field): Record<string, number> {
  return field.type === "group" ? { count: Math.max(1, field.min) } : {};
}

/** Errors on one page: what "Continuer" checks before moving on. */
export function validateStep(
  flow: Flow,
  step: Step,
  answers: Answers,
  options: ValidateOptions = {},
): FieldError[] {
  if (step.type !== "questions") return [];
  const scope = scopeFor(flow, answers);
  const today = options.today ?? todayInNoumea();
  return step.fields.flatMap((field) => checkField(field, answers[field.id], field.id, scope, today));
}

/**
 * Errors of a whole answer set, as the server checks a submission: every step on the path
 * taken is complete, the path reaches the review, and nothing is answered off that path.
 */
export function validateAnswers(flow: Flow, answers: Answers, options: ValidateOptions = {}): FieldError[] {
  const index = indexFlow(flow);
  const path = pathOf(flow, answers);
  const last = path[path.length - 1];
  const errors: FieldError[] = [];
  const asked = new Set<string>();
  const scope = scopeFor(flow, answers);
  for (const stepId of path) {
    const step = index.steps.get(stepId);
    if (step?.type !== "questions") continue;
    for (const field of step.fields) if (isShown(field.showIf, scope)) asked.add(field.id);
    errors.push(...validateStep(flow, step, answers, options));
  }
  for (const key of Object.keys(answers)) {
    if (key === APPLY_ANYWAY || asked.has(key)) continue;
    errors.push({ path: key, code: "unexpected", key: "errors:unexpected", params: {} });
  }
  if (last !== index.review.id)
    errors.push({ path: last ?? flow.start, code: "incomplete", key: "errors:incomplete", params: {} });
  return errors;
}
