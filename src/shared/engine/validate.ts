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
import { type Answers, APPLY_ANYWAY, DOCUMENT_LATER, type Item, isEmpty } from "./answers";
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
  | "dateFuture"
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

const DAY_MS = 24 * 3600 * 1000;
/** The server asks for every request: the date is worked out once a day. */
let knownDay: { readonly index: number; readonly date: string } | undefined;

export function todayInNoumea(now = Date.now()): string {
  const index = Math.floor((now + NOUMEA_OFFSET_MS) / DAY_MS);
  if (knownDay?.index !== index)
    knownDay = { index, date: new Date(now + NOUMEA_OFFSET_MS).toISOString().slice(0, 10) };
  return knownDay.date;
}

const PHONE = /^(?:\+687[ .]?)?\d{2}(?:[ .]?\d{2}){2}$/;
/** Deliberately loose: the mail server is the real judge; this catches typing slips. */
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A real day of the (proleptic Gregorian) calendar, as JavaScript's Date counts them. */
function isValidDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number));
}

/**
 * A flow's date limit as an ISO date: "today", or "today-21y" (the same day 21 years ago; a
 * 29 February falls back to the 28th).
 */
export function dateLimit(limit: string | undefined, today: string): string | undefined {
  if (limit === undefined || !limit.startsWith("today")) return limit;
  const years = Number(limit.slice("today-".length, -1) || 0);
  if (years === 0) return today;
  const shifted = `${String(Number(today.slice(0, 4)) - years).padStart(4, "0")}${today.slice(4)}`;
  return isValidDate(shifted) ? shifted : `${shifted.slice(0, 8)}28`;
}

/** Patterns are the flow's, a handful: each is compiled once. */
const patterns = new Map<string, RegExp>();

function matchesPattern(pattern: string, value: string): boolean {
  let regex = patterns.get(pattern);
  if (!regex) {
    regex = new RegExp(`^(?:${pattern})$`, "u");
    patterns.set(pattern, regex);
  }
  return regex.test(value);
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
  switch (field.type) {
    case "text":
    case "longText": {
      if (typeof value !== "string") return [error(field, path, "type")];
      const length = value.trim().length;
      if (field.minLength !== undefined && length < field.minLength)
        return [error(field, path, "minLength", { count: field.minLength })];
      if (field.maxLength !== undefined && length > field.maxLength)
        return [error(field, path, "maxLength", { count: field.maxLength })];
      if (field.pattern !== undefined && !matchesPattern(field.pattern, value.trim()))
        return [error(field, path, "pattern")];
      return [];
    }
    case "integer":
    case "amount": {
      if (typeof value !== "number" || !Number.isSafeInteger(value)) return [error(field, path, "type")];
      const min = field.min ?? (field.type === "amount" ? 0 : undefined);
      if (min !== undefined && value < min) return [error(field, path, "min", { min })];
      if (field.max !== undefined && value > field.max)
        return [error(field, path, "max", { max: field.max })];
      return [];
    }
    case "date": {
      if (typeof value !== "string" || !isValidDate(value)) return [error(field, path, "date")];
      const min = dateLimit(field.min, today);
      const max = dateLimit(field.max, today);
      if (min !== undefined && value < min) return [error(field, path, "dateMin", { min })];
      // "Jusqu'au 2 décembre" reads as a deadline: a date that cannot be in the future says so.
      if (max !== undefined && max <= today && value > today) return [error(field, path, "dateFuture")];
      if (max !== undefined && value > max) return [error(field, path, "dateMax", { max })];
      return [];
    }
    case "yesNo":
      return typeof value === "boolean" ? [] : [error(field, path, "type")];
    case "phone":
      return typeof value === "string" && normalisePhone(value) ? [] : [error(field, path, "phone")];
    case "email":
      return typeof value === "string" && EMAIL.test(value.trim()) ? [] : [error(field, path, "email")];
    case "commune":
      return isCommuneId(value) ? [] : [error(field, path, "commune")];
    case "choice":
      return field.options.some((o) => o.value === value) ? [] : [error(field, path, "option")];
    case "choices": {
      if (!Array.isArray(value) || new Set(value).size !== value.length) return [error(field, path, "type")];
      if (!value.every((v) => field.options.some((o) => o.value === v)))
        return [error(field, path, "option")];
      if (field.min !== undefined && value.length < field.min)
        return [error(field, path, "minItems", { count: field.min })];
      if (field.max !== undefined && value.length > field.max)
        return [error(field, path, "maxItems", { count: field.max })];
      return [];
    }
    case "document": {
      if (value === DOCUMENT_LATER) return field.later ? [] : [error(field, path, "type")];
      if (!Array.isArray(value) || !value.every(isDocumentRef)) return [error(field, path, "type")];
      if (value.length > field.maxFiles) return [error(field, path, "maxFiles", { count: field.maxFiles })];
      if (value.some((doc) => !(field.accept as readonly string[]).includes(doc.type)))
        return [error(field, path, "fileType")];
      if (value.some((doc) => doc.size > field.maxBytes))
        return [error(field, path, "fileSize", { max: field.maxBytes })];
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

/** The ids a group's items may have, per group (flows never change once loaded). */
const groupFieldIds = new WeakMap<GroupFieldDef, ReadonlySet<string>>();

function checkGroup(
  group: GroupFieldDef,
  value: unknown,
  scope: Scope,
  today: string,
  errors: FieldError[],
): void {
  if (!Array.isArray(value)) return void errors.push(error(group, group.id, "type"));
  if (value.length < group.min)
    return void errors.push(error(group, group.id, "minItems", { count: group.min }));
  if (value.length > group.max)
    return void errors.push(error(group, group.id, "maxItems", { count: group.max }));
  let known = groupFieldIds.get(group);
  if (!known) {
    known = new Set(group.fields.map((f) => f.id));
    groupFieldIds.set(group, known);
  }
  value.forEach((item: unknown, index) => {
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      errors.push(error(group, `${group.id}.${index}`, "type"));
      return;
    }
    const itemScope: Scope = { ...scope, item: item as Item };
    for (const key of Object.keys(item))
      if (!known.has(key)) errors.push(error(group, `${group.id}.${index}.${key}`, "unexpected"));
    for (const field of group.fields)
      checkField(
        field,
        (item as Item)[field.id],
        `${group.id}.${index}.${field.id}`,
        itemScope,
        today,
        errors,
      );
  });
}

/**
 * Adds the errors of one field, given the scope its condition is read in. A hidden field is
 * never in error.
 */
function checkField(
  field: Field,
  value: unknown,
  path: string,
  scope: Scope,
  today: string,
  errors: FieldError[],
): void {
  if (!isShown(field.showIf, scope)) return;
  if (isEmpty(value)) {
    if (field.type === "group" && field.min === 0 && !field.required) return;
    if (field.required)
      errors.push(error(field, path, field.type === "group" ? "minItems" : "required", minOf(field)));
    return;
  }
  if (field.type === "group") checkGroup(field, value, scope, today, errors);
  else errors.push(...checkLeaf(field, value, path, today));
}

function minOf(field: Field): Record<string, number> {
  return field.type === "group" ? { count: Math.max(1, field.min) } : {};
}

/**
 * Errors of one answer on its own, its condition aside: an answer the province asked the person
 * to correct after sending, checked on the device as its page checks it. A list's entries are
 * checked as on their page, their questions' conditions read in `scope` (what the device holds
 * of the answers). The server then checks the whole request with validateAnswers.
 */
export function validateAnswer(
  field: Field,
  value: unknown,
  options: ValidateOptions = {},
  scope: Scope = { values: {}, params: {} },
): FieldError[] {
  const today = options.today ?? todayInNoumea();
  if (isEmpty(value))
    return field.required
      ? [error(field, field.id, field.type === "group" ? "minItems" : "required", minOf(field))]
      : [];
  if (field.type !== "group") return checkLeaf(field, value, field.id, today);
  const errors: FieldError[] = [];
  checkGroup(field, value, scope, today, errors);
  return errors;
}

/** Errors on one page: what "Continuer" checks before moving on. */
export function validateStep(
  flow: Flow,
  step: Step,
  answers: Answers,
  options: ValidateOptions = {},
): FieldError[] {
  if (step.type !== "questions") return [];
  return pageErrors(step, answers, scopeFor(flow, answers), options.today ?? todayInNoumea());
}

function pageErrors(
  step: Extract<Step, { type: "questions" }>,
  answers: Answers,
  scope: Scope,
  today: string,
  errors: FieldError[] = [],
): FieldError[] {
  for (const field of step.fields) checkField(field, answers[field.id], field.id, scope, today, errors);
  return errors;
}

/**
 * Errors of a whole answer set, as the server checks a submission: every step on the path
 * taken is complete, the path reaches the review, and nothing is answered off that path.
 * The computed values depend on the answers alone, so they are worked out once for all steps.
 */
export function validateAnswers(flow: Flow, answers: Answers, options: ValidateOptions = {}): FieldError[] {
  const index = indexFlow(flow);
  const scope = scopeFor(flow, answers);
  const today = options.today ?? todayInNoumea();
  const path = pathOf(flow, answers, scope);
  const last = path[path.length - 1];
  const errors: FieldError[] = [];
  const asked = new Set<string>();
  for (const stepId of path) {
    const step = index.steps.get(stepId);
    if (step?.type !== "questions") continue;
    for (const field of step.fields) if (isShown(field.showIf, scope)) asked.add(field.id);
    pageErrors(step, answers, scope, today, errors);
  }
  for (const key of Object.keys(answers)) {
    if (key === APPLY_ANYWAY || asked.has(key)) continue;
    errors.push({ path: key, code: "unexpected", key: "errors:unexpected", params: {} });
  }
  if (last !== index.review.id)
    errors.push({ path: last ?? flow.start, code: "incomplete", key: "errors:incomplete", params: {} });
  return errors;
}
