/**
 * The flow format: what an administration author writes in flows/*.json. Valibot checks a file
 * against it in flows:check, in the browser and on the server, and the types below are inferred
 * from the same schema so the engine cannot drift from the format. flows/README.md explains it.
 */
import * as v from "valibot";

/** A key into locales/ (`namespace:path` or a path in the flow's own namespace). */
const TextKey = v.pipe(v.string(), v.regex(/^[a-z][\w.-]*(:[\w.-]+)?$/i, "a translation key"));
const Id = v.pipe(v.string(), v.regex(/^[a-z][a-zA-Z0-9]*$/, "an identifier in camelCase, like childLevel"));
const StepId = v.pipe(v.string(), v.regex(/^[a-z][a-z0-9-]*$/, "a step id in kebab-case, like school-level"));
const ExpressionText = v.pipe(v.string(), v.minLength(1));
const IsoDate = v.pipe(v.string(), v.isoDate());
/** A date limit: an ISO date, "today", or a number of years before today ("today-21y"). */
const DateLimit = v.union([
  IsoDate,
  v.pipe(v.string(), v.regex(/^today(?:-\d{1,3}y)?$/, 'an ISO date, "today" or "today-21y"')),
]);

const Texts = {
  label: TextKey,
  hint: v.optional(TextKey),
  example: v.optional(TextKey),
  help: v.optional(TextKey),
  /** Messages that replace the generic ones, by error code (required, min, max, pattern…). */
  errors: v.optional(v.record(v.string(), TextKey)),
};

const Common = {
  id: Id,
  ...Texts,
  required: v.optional(v.boolean(), true),
  /** Shown only when this condition holds; a hidden field is never asked nor kept. */
  showIf: v.optional(ExpressionText),
  /** A glossary entry (locales glossary namespace) linked from this question. */
  glossary: v.optional(v.array(Id)),
};

const Option = v.strictObject({ value: Id, label: TextKey, hint: v.optional(TextKey) });

/**
 * What the answer is about, for the browser's autofill (WCAG 1.3.5): the person's own name,
 * birth date, phone… Only for questions about the person filling the form.
 */
const Autocomplete = v.optional(
  v.picklist(["given-name", "family-name", "name", "bday", "tel", "email", "street-address", "postal-code"]),
);

const TextField = v.strictObject({
  ...Common,
  type: v.picklist(["text", "longText"]),
  autocomplete: Autocomplete,
  minLength: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  maxLength: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  pattern: v.optional(v.string()),
});
const NumberField = v.strictObject({
  ...Common,
  type: v.picklist(["integer", "amount"]),
  /** What an integer counts: "12 ans" typed in a box of years is read as 12. */
  unit: v.optional(v.picklist(["years", "children", "persons"])),
  min: v.optional(v.pipe(v.number(), v.integer())),
  max: v.optional(v.pipe(v.number(), v.integer())),
});
const DateField = v.strictObject({
  ...Common,
  type: v.literal("date"),
  autocomplete: Autocomplete,
  /** An ISO date, "today" or "today-18y": plausible bounds (a pupil's birth date). */
  min: v.optional(DateLimit),
  max: v.optional(DateLimit),
});
const SimpleField = v.strictObject({
  ...Common,
  type: v.picklist(["yesNo", "phone", "email", "commune"]),
  autocomplete: Autocomplete,
});
const ChoiceField = v.strictObject({
  ...Common,
  type: v.literal("choice"),
  options: v.pipe(v.array(Option), v.minLength(2)),
});
const ChoicesField = v.strictObject({
  ...Common,
  type: v.literal("choices"),
  options: v.pipe(v.array(Option), v.minLength(2)),
  min: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  max: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
});
export const DOCUMENT_TYPES = [
  "image/jpeg",
  "image/png",
  "image/webp",
  "image/heic",
  "application/pdf",
] as const;
const DocumentField = v.strictObject({
  ...Common,
  type: v.literal("document"),
  accept: v.pipe(v.array(v.picklist(DOCUMENT_TYPES)), v.minLength(1)),
  maxBytes: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** How many pages (photos) one document may have. */
  maxFiles: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 1),
  /**
   * Where the rules let the request go without it (a tax notice not arrived yet): the person may
   * answer "je l'enverrai plus tard". The text says what that means for the request.
   */
  later: v.optional(TextKey),
});

const LeafField = v.variant("type", [
  TextField,
  NumberField,
  DateField,
  SimpleField,
  ChoiceField,
  ChoicesField,
  DocumentField,
]);

const GroupField = v.strictObject({
  ...Common,
  type: v.literal("group"),
  /** Names one item in headings, numbered: "Enfant" → "Enfant 2 : Léa". */
  itemLabel: TextKey,
  /** The add button: "Ajouter un enfant". */
  addLabel: TextKey,
  /** Expression (with `item.x`) that names an item in summaries, e.g. item.firstName. */
  itemTitle: v.optional(ExpressionText),
  min: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)), 0),
  max: v.pipe(v.number(), v.integer(), v.minValue(1)),
  fields: v.pipe(v.array(LeafField), v.minLength(1)),
});

export const FieldSchema = v.variant("type", [LeafField, GroupField]);

const Rule = v.strictObject({ if: v.optional(ExpressionText), goto: StepId });
/** Either the next step's id, or rules tried in order; the last one has no `if`. */
const Next = v.union([StepId, v.pipe(v.array(Rule), v.minLength(1))]);

const StepTexts = { id: StepId, title: TextKey, intro: v.optional(TextKey) };

const QuestionStep = v.strictObject({
  ...StepTexts,
  type: v.optional(v.literal("questions"), "questions"),
  /** Section shown in the progress list and the review ("Vos enfants"). */
  section: v.optional(TextKey),
  showIf: v.optional(ExpressionText),
  fields: v.pipe(v.array(FieldSchema), v.minLength(1)),
  next: Next,
});
const InfoStep = v.strictObject({
  ...StepTexts,
  type: v.literal("info"),
  showIf: v.optional(ExpressionText),
  section: v.optional(TextKey),
  /** Computed values shown on this page with how they were computed. */
  show: v.optional(v.array(Id)),
  body: v.optional(TextKey),
  next: Next,
});
const OutcomeStep = v.strictObject({
  ...StepTexts,
  type: v.literal("outcome"),
  /** One sentence: why the person seems not eligible. */
  reason: TextKey,
  /** What else can help. */
  alternatives: TextKey,
  /** Whom to ask. */
  contact: TextKey,
  /** Where "apply anyway" leads, when the rules allow it. */
  applyAnyway: v.optional(StepId),
  show: v.optional(v.array(Id)),
});
const ReviewStep = v.strictObject({ ...StepTexts, type: v.literal("review"), next: StepId });
const DeclarationStep = v.strictObject({
  ...StepTexts,
  type: v.literal("declaration"),
  statement: TextKey,
  /** The step reached by submitting. */
  submit: StepId,
});
const SubmittedStep = v.strictObject({ ...StepTexts, type: v.literal("submitted") });

export const StepSchema = v.variant("type", [
  QuestionStep,
  InfoStep,
  OutcomeStep,
  ReviewStep,
  DeclarationStep,
  SubmittedStep,
]);

const Parameter = v.strictObject({
  value: v.union([v.number(), v.string()]),
  unit: v.optional(v.picklist(["XPF", "persons", "months", "years", "ratio"])),
  /** Date the value applies from. */
  since: IsoDate,
  source: v.string(),
  /** Set while the value is a placeholder the department has not confirmed. */
  toConfirm: v.optional(v.boolean(), false),
});

/** One detail of a department's contact, with where it was read and the day it was checked. */
const contactDetail = <T extends v.GenericSchema<string, string>>(value: T) =>
  v.strictObject({
    value,
    source: v.string(),
    checkedOn: IsoDate,
    /** Set while the department has not confirmed it: the pages say so next to it. */
    toConfirm: v.optional(v.boolean(), false),
  });

/**
 * How to reach the department in charge (DERES, DPASS), shown on the receipt, the outcome pages
 * and the help page. The number and the address are data, the same in every language; the hours
 * are a text key, since each language writes days and times its own way.
 */
const DepartmentContact = v.strictObject({
  /** Written as people dial it from New Caledonia's numbering plan: "+687 20 30 40". */
  phone: contactDetail(
    v.pipe(
      v.string(),
      v.regex(/^\+687 \d{2} \d{2} \d{2}$/, 'a New Caledonia number written "+687 20 30 40"'),
    ),
  ),
  /** Where to go or write. */
  address: contactDetail(v.pipe(v.string(), v.minLength(1))),
  hours: contactDetail(TextKey),
});

const Computed = v.strictObject({
  id: Id,
  expr: ExpressionText,
  label: TextKey,
  /** How it was computed, with {{name}} placeholders for the values it uses. */
  explain: TextKey,
  /** "code": a short value (a card letter) whose text is the label key with that value as i18next context. */
  format: v.picklist(["amount", "number", "boolean", "code"]),
});

const DocumentToProvide = v.strictObject({
  id: Id,
  label: TextKey,
  hint: v.optional(TextKey),
  when: v.optional(ExpressionText),
  /** The document field where the person adds it, if the flow collects it. */
  field: v.optional(Id),
});

/**
 * A question that kept its id but changed its meaning in a version: a draft of an earlier version
 * has its answer dropped, so the person answers it again ("Vous ou votre conjointe…" where the
 * question once asked about the applicant alone).
 */
const Change = v.strictObject({
  /** The version that made the change: drafts of any earlier version are concerned. */
  version: v.pipe(v.number(), v.integer(), v.minValue(2)),
  /** The questions to ask again (outside repeatable groups). */
  askAgain: v.pipe(v.array(Id), v.minLength(1)),
  /** Only when this holds on the draft's answers; always without it. */
  when: v.optional(ExpressionText),
});

export const FlowSchema = v.strictObject({
  $schema: v.optional(v.string()),
  id: StepId,
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** Letters that start this procedure's references: BS-2026-000123. */
  referencePrefix: v.pipe(v.string(), v.regex(/^[A-Z]{2,4}$/)),
  /** The version of the administration's rules this flow follows. */
  rules: v.strictObject({ version: v.string(), source: v.string(), checkedOn: IsoDate }),
  title: TextKey,
  summary: TextKey,
  audience: TextKey,
  department: TextKey,
  /** The department's phone, address and hours; optional so earlier versions still read. */
  contact: v.optional(DepartmentContact),
  estimatedMinutes: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /**
   * The text questions that name the person a request is for (first name, last name), in the
   * order they are read: lists of drafts say whose each one is.
   */
  personName: v.optional(v.array(Id), []),
  prepare: v.array(TextKey),
  parameters: v.record(Id, Parameter),
  computed: v.optional(v.array(Computed), []),
  documents: v.optional(v.array(DocumentToProvide), []),
  /** Changes of meaning, for drafts of earlier versions (see `Change`). */
  changes: v.optional(v.array(Change), []),
  start: StepId,
  steps: v.pipe(v.array(StepSchema), v.minLength(1)),
});

export type Flow = v.InferOutput<typeof FlowSchema>;
export type Step = Flow["steps"][number];
export type Field = v.InferOutput<typeof FieldSchema>;
export type GroupFieldDef = Extract<Field, { type: "group" }>;
export type LeafFieldDef = Exclude<Field, { type: "group" }>;
export type FlowContact = NonNullable<Flow["contact"]>;
export type QuestionStepDef = Extract<Step, { type: "questions" }>;

export interface SchemaIssue {
  readonly path: string;
  readonly message: string;
}

export function parseFlow(
  input: unknown,
): { flow: Flow; issues: [] } | { flow: undefined; issues: SchemaIssue[] } {
  const result = v.safeParse(FlowSchema, input);
  if (result.success) return { flow: result.output, issues: [] };
  return {
    flow: undefined,
    issues: result.issues.map((issue) => ({
      path: v.getDotPath(issue) ?? "(root)",
      message: issue.message,
    })),
  };
}
