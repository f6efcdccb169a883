/**
 * flows:check — everything that can be wrong in a flow file and that a schema alone cannot see:
 * references, reachability, endings, loops, expressions and translations. Pure: the CLI in
 * src/tools reads the files, the tests pass fixtures.
 */
import { ExpressionError, referencesOf } from "../expression/expression";
import { successorsOf } from "./flow-index";
import { type Field, type Flow, parseFlow, type Step } from "./schema";

export type CheckRule =
  | "schema"
  | "duplicate"
  | "structure"
  | "unknown-reference"
  | "unreachable"
  | "no-ending"
  | "cycle"
  | "expression"
  | "translation";

export interface Problem {
  readonly rule: CheckRule;
  readonly where: string;
  readonly message: string;
}

/** Locale files: language → namespace → nested texts. */
export type Locales = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

export function checkFlow(input: unknown, locales: Locales): Problem[] {
  const parsed = parseFlow(input);
  if (!parsed.flow)
    return parsed.issues.map((i) => ({
      rule: "schema",
      where: readablePath(input, i.path),
      message: i.message,
    }));
  const flow = parsed.flow;
  const structural = [...checkIds(flow), ...checkStructure(flow), ...checkReferences(flow)];
  // Graph rules need sound references; reporting both would bury the real mistake.
  const graph = structural.length === 0 ? checkGraph(flow) : [];
  return [
    ...structural,
    ...graph,
    ...checkExpressions(flow),
    ...checkTranslations(flow, locales),
    ...checkGlossaryUse(flow, locales),
  ];
}

/** "steps.0.fields.1.type" → "household.income.type": authors know their ids, not indexes. */
function readablePath(input: unknown, dotted: string): string {
  let node: unknown = input;
  const out: string[] = [];
  for (const part of dotted.split(".")) {
    node = node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined;
    const id = node && typeof node === "object" ? (node as { id?: unknown }).id : undefined;
    if (/^\d+$/.test(part) && typeof id === "string") out[out.length - 1] = id;
    else out.push(part);
  }
  return out.join(".");
}

function allFields(flow: Flow): { field: Field; where: string }[] {
  return flow.steps.flatMap((step) =>
    step.type === "questions" ? step.fields.map((field) => ({ field, where: `${step.id}.${field.id}` })) : [],
  );
}

function duplicates(ids: string[]): string[] {
  return ids.filter((id, i) => ids.indexOf(id) !== i);
}

function checkIds(flow: Flow): Problem[] {
  const problems: Problem[] = [];
  for (const id of duplicates(flow.steps.map((s) => s.id)))
    problems.push({ rule: "duplicate", where: id, message: `two steps are named "${id}"` });
  const names = [...allFields(flow).map((f) => f.field.id), ...flow.computed.map((c) => c.id)];
  for (const id of duplicates(names))
    problems.push({ rule: "duplicate", where: id, message: `"${id}" names two fields or computed values` });
  for (const { field, where } of allFields(flow)) {
    if (field.type === "group")
      for (const id of duplicates(field.fields.map((f) => f.id)))
        problems.push({ rule: "duplicate", where, message: `two fields of the group are named "${id}"` });
    if (field.type === "choice" || field.type === "choices")
      for (const id of duplicates(field.options.map((o) => o.value)))
        problems.push({ rule: "duplicate", where, message: `two options have the value "${id}"` });
  }
  return problems;
}

function checkStructure(flow: Flow): Problem[] {
  const problems: Problem[] = [];
  for (const type of ["review", "declaration", "submitted"] as const) {
    const count = flow.steps.filter((s) => s.type === type).length;
    if (count !== 1)
      problems.push({
        rule: "structure",
        where: type,
        message: `a flow needs exactly one ${type} step (found ${count})`,
      });
  }
  for (const step of flow.steps) {
    if ((step.type === "questions" || step.type === "info") && Array.isArray(step.next)) {
      const last = step.next[step.next.length - 1];
      if (last?.if !== undefined)
        problems.push({
          rule: "structure",
          where: step.id,
          message: "the last next rule must have no condition, so the path always goes on",
        });
    }
  }
  return problems;
}

function checkReferences(flow: Flow): Problem[] {
  const problems: Problem[] = [];
  const steps = new Set(flow.steps.map((s) => s.id));
  const documentFields = new Set(
    allFields(flow)
      .filter((f) => f.field.type === "document")
      .map((f) => f.field.id),
  );
  const computed = new Set(flow.computed.map((c) => c.id));
  if (!steps.has(flow.start))
    problems.push({ rule: "unknown-reference", where: "start", message: `no step is named "${flow.start}"` });
  for (const step of flow.steps)
    for (const target of successorsOf(step))
      if (!steps.has(target))
        problems.push({
          rule: "unknown-reference",
          where: step.id,
          message: `leads to "${target}", which is not a step`,
        });
  for (const doc of flow.documents)
    if (doc.field !== undefined && !documentFields.has(doc.field))
      problems.push({
        rule: "unknown-reference",
        where: `documents.${doc.id}`,
        message: `"${doc.field}" is not a document field`,
      });
  const textFields = new Set(
    allFields(flow)
      .filter((f) => f.field.type === "text")
      .map((f) => f.field.id),
  );
  for (const id of flow.personName)
    if (!textFields.has(id))
      problems.push({
        rule: "unknown-reference",
        where: "personName",
        message: `"${id}" is not a text question of a page (one outside a group)`,
      });
  const pageFields = new Set(allFields(flow).map((f) => f.field.id));
  flow.changes.forEach((change, i) => {
    if (change.version > flow.version)
      problems.push({
        rule: "unknown-reference",
        where: `changes.${i}`,
        message: `version ${change.version} is after the flow's version (${flow.version}): add 1 to "version"`,
      });
    for (const id of change.askAgain)
      if (!pageFields.has(id))
        problems.push({
          rule: "unknown-reference",
          where: `changes.${i}`,
          message: `"${id}" is not a question of a page (one outside a group)`,
        });
  });
  for (const step of flow.steps)
    if ((step.type === "info" || step.type === "outcome") && step.show)
      for (const id of step.show)
        if (!computed.has(id))
          problems.push({
            rule: "unknown-reference",
            where: step.id,
            message: `"${id}" is not a computed value`,
          });
  return problems;
}

/** Steps reachable from the start, and the steps from which the review or an outcome can be reached. */
function checkGraph(flow: Flow): Problem[] {
  const edges = new Map(flow.steps.map((s) => [s.id, successorsOf(s)]));
  const reachable = new Set<string>();
  const queue = [flow.start];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    if (reachable.has(id)) continue;
    reachable.add(id);
    queue.push(...(edges.get(id) ?? []));
  }
  const problems: Problem[] = [];
  for (const step of flow.steps)
    if (!reachable.has(step.id))
      problems.push({
        rule: "unreachable",
        where: step.id,
        message: "no path from the start leads to this step",
      });

  const ending = (s: Step) => s.type === "review" || s.type === "outcome";
  const ends = new Set(flow.steps.filter(ending).map((s) => s.id));
  for (let changed = true; changed; ) {
    changed = false;
    for (const [id, next] of edges)
      if (!ends.has(id) && next.some((n) => ends.has(n))) {
        ends.add(id);
        changed = true;
      }
  }
  const afterReview = new Set(
    flow.steps.filter((s) => s.type === "declaration" || s.type === "submitted").map((s) => s.id),
  );
  const stuck = flow.steps.filter((s) => reachable.has(s.id) && !ends.has(s.id) && !afterReview.has(s.id));
  const inCycle = (id: string) => canReach(edges, id, id);
  for (const step of stuck)
    problems.push(
      inCycle(step.id)
        ? {
            rule: "cycle",
            where: step.id,
            message: "this step is in a loop with no way out to the review or an outcome",
          }
        : {
            rule: "no-ending",
            where: step.id,
            message: "no path from this step reaches the review or an outcome",
          },
    );
  return problems;
}

function canReach(edges: ReadonlyMap<string, string[]>, from: string, to: string): boolean {
  const seen = new Set<string>();
  const queue = [...(edges.get(from) ?? [])];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    if (id === to) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    queue.push(...(edges.get(id) ?? []));
  }
  return false;
}

interface ExpressionSite {
  readonly where: string;
  readonly source: string;
  /** Names readable here: fields and the computed values declared before. */
  readonly names: ReadonlySet<string>;
  /** Subfields readable as item.x, inside a repeatable group. */
  readonly item?: ReadonlySet<string>;
}

function expressionSites(flow: Flow): ExpressionSite[] {
  const fields = allFields(flow).map((f) => f.field.id);
  const everything = new Set([...fields, ...flow.computed.map((c) => c.id)]);
  const sites: ExpressionSite[] = [];
  flow.computed.forEach((c, i) => {
    sites.push({
      where: `computed.${c.id}`,
      source: c.expr,
      names: new Set([...fields, ...flow.computed.slice(0, i).map((p) => p.id)]),
    });
  });
  for (const doc of flow.documents)
    if (doc.when) sites.push({ where: `documents.${doc.id}`, source: doc.when, names: everything });
  flow.changes.forEach((change, i) => {
    if (change.when) sites.push({ where: `changes.${i}`, source: change.when, names: everything });
  });
  for (const step of flow.steps) {
    if ((step.type === "questions" || step.type === "info") && step.showIf)
      sites.push({ where: `${step.id}.showIf`, source: step.showIf, names: everything });
    if ((step.type === "questions" || step.type === "info") && Array.isArray(step.next))
      step.next.forEach((rule, i) => {
        if (rule.if) sites.push({ where: `${step.id}.next.${i}`, source: rule.if, names: everything });
      });
    if (step.type !== "questions") continue;
    for (const field of step.fields) {
      if (field.showIf)
        sites.push({ where: `${step.id}.${field.id}.showIf`, source: field.showIf, names: everything });
      if (field.type !== "group") continue;
      const item = new Set(field.fields.map((f) => f.id));
      if (field.itemTitle)
        sites.push({ where: `${field.id}.itemTitle`, source: field.itemTitle, names: everything, item });
      for (const sub of field.fields)
        if (sub.showIf)
          sites.push({ where: `${field.id}.${sub.id}.showIf`, source: sub.showIf, names: everything, item });
    }
  }
  return sites;
}

function checkExpressions(flow: Flow): Problem[] {
  const problems: Problem[] = [];
  const params = new Set(Object.keys(flow.parameters));
  for (const site of expressionSites(flow)) {
    const fail = (message: string) => problems.push({ rule: "expression", where: site.where, message });
    try {
      const refs = referencesOf(site.source);
      for (const name of refs.values)
        if (!site.names.has(name)) fail(`"${name}" is not a field or an earlier computed value`);
      for (const name of refs.params)
        if (!params.has(name)) fail(`params.${name} is not a parameter of this flow`);
      for (const name of refs.item)
        if (!site.item?.has(name))
          fail(
            site.item
              ? `item.${name} is not a field of this group`
              : "item.x can only be used inside a repeatable group",
          );
    } catch (error) {
      fail(
        error instanceof ExpressionError ? `cannot read "${site.source}": ${error.message}` : String(error),
      );
    }
  }
  return problems;
}

function textKeys(flow: Flow): { key: string; where: string }[] {
  const keys: { key: string; where: string }[] = [];
  const add = (where: string, ...values: (string | undefined)[]) => {
    for (const key of values) if (key !== undefined) keys.push({ key, where });
  };
  add("flow", flow.title, flow.summary, flow.audience, flow.department, ...flow.prepare);
  add("contact.hours", flow.contact?.hours.value);
  for (const c of flow.computed) {
    add(`computed.${c.id}`, c.label, c.explain);
    // A yes/no figure is shown in words ("Non : vos ressources dépassent le plafond estimé").
    if (c.format === "boolean") add(`computed.${c.id}`, `${c.label}_yes`, `${c.label}_no`);
  }
  for (const d of flow.documents) add(`documents.${d.id}`, d.label, d.hint);
  const addField = (where: string, field: Field) => {
    add(where, field.label, field.hint, field.example, field.help, ...Object.values(field.errors ?? {}));
    if (field.type === "document") add(where, field.later);
    for (const g of field.glossary ?? []) add(where, `glossary:${g}.term`, `glossary:${g}.definition`);
    if (field.type === "choice" || field.type === "choices")
      for (const o of field.options) add(`${where}.${o.value}`, o.label, o.hint);
    if (field.type === "group") {
      add(where, field.itemLabel, field.addLabel);
      for (const sub of field.fields) addField(`${where}.${sub.id}`, sub);
    }
  };
  for (const step of flow.steps) {
    add(step.id, step.title, step.intro);
    switch (step.type) {
      case "questions":
        add(step.id, step.section);
        for (const field of step.fields) addField(`${step.id}.${field.id}`, field);
        break;
      case "info":
        add(step.id, step.section, step.body);
        break;
      case "outcome":
        add(step.id, step.reason, step.alternatives, step.contact);
        break;
      case "declaration":
        add(step.id, step.statement);
        break;
    }
  }
  return keys;
}

function lookup(texts: unknown, path: string): unknown {
  return path
    .split(".")
    .reduce<unknown>(
      (node, part) =>
        node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined,
      texts,
    );
}

/** A key exists as itself or as i18next plural or context variants (key_one, key_A…). */
function hasText(namespace: unknown, key: string): boolean {
  if (typeof lookup(namespace, key) === "string") return true;
  const dot = key.lastIndexOf(".");
  const parent = dot < 0 ? namespace : lookup(namespace, key.slice(0, dot));
  const leaf = key.slice(dot + 1);
  return (
    !!parent &&
    typeof parent === "object" &&
    Object.entries(parent).some(([k, v]) => k.startsWith(`${leaf}_`) && typeof v === "string")
  );
}

/** Parameters a text shows ({{params.x}}, {{since.x}}) must exist, or the page shows a hole. */
function checkTextParameters(flow: Flow, text: string, where: string, file: string): Problem[] {
  return [...text.matchAll(/\{\{\s*(?:params|since)\.(\w+)/g)]
    .filter(([, name]) => name === undefined || !(name in flow.parameters))
    .map(([match]) => ({
      rule: "translation" as const,
      where,
      message: `${match}}} in ${file} is not a parameter of this flow`,
    }));
}

function checkTranslations(flow: Flow, locales: Locales): Problem[] {
  const problems: Problem[] = [];
  const languages = Object.keys(locales);
  if (languages.length === 0)
    return [{ rule: "translation", where: "locales", message: "no locale was found" }];
  for (const { key, where } of textKeys(flow)) {
    const [ns, path] = key.includes(":") ? (key.split(":", 2) as [string, string]) : [flow.id, key];
    for (const lng of languages) {
      const file = `locales/${lng}/${ns}.json`;
      if (!hasText(locales[lng]?.[ns], path))
        problems.push({ rule: "translation", where, message: `"${ns}:${path}" is missing in ${file}` });
      const text = lookup(locales[lng]?.[ns], path);
      if (typeof text === "string") problems.push(...checkTextParameters(flow, text, where, file));
    }
  }
  return problems;
}

/** Lowercase, no accents, no plural "s": "Justificatifs de domicile" finds "justificatif de domicile". */
function comparable(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .replace(/(\p{L}{3,})s\b/gu, "$1")
    .trim();
}

/**
 * A glossary entry under a question explains a word the question uses, in French, the language
 * the administration's words come from. A term may give alternatives: "Externe, demi-pensionnaire,
 * interne", "Avis d'imposition ou de non-imposition".
 */
function checkGlossaryUse(flow: Flow, locales: Locales): Problem[] {
  const fr = locales.fr;
  if (!fr) return [];
  const problems: Problem[] = [];
  const say = (key: string | undefined) => {
    if (key === undefined) return "";
    const [ns, path] = key.includes(":") ? (key.split(":", 2) as [string, string]) : [flow.id, key];
    const text = lookup(fr[ns], path);
    return typeof text === "string" ? text : "";
  };
  const visit = (field: Field, where: string, stepTexts: string) => {
    const options = field.type === "choice" || field.type === "choices" ? field.options : [];
    const asked = comparable(
      [field.label, field.hint, field.example, field.help, ...options.flatMap((o) => [o.label, o.hint])]
        .map(say)
        .join(" ")
        .concat(" ", stepTexts),
    );
    for (const entry of field.glossary ?? []) {
      const term = say(`glossary:${entry}.term`);
      const words = term
        .split(/,| ou |\(/)
        .map(comparable)
        .filter((w) => w.length > 0);
      if (term && !words.some((w) => ` ${asked} `.includes(` ${w} `)))
        problems.push({
          rule: "translation",
          where,
          message: `the glossary entry "${entry}" ("${term}") explains a word this question does not use`,
        });
    }
    if (field.type === "group") for (const sub of field.fields) visit(sub, `${where}.${sub.id}`, "");
  };
  for (const step of flow.steps)
    if (step.type === "questions")
      for (const field of step.fields)
        visit(field, `${step.id}.${field.id}`, `${say(step.title)} ${say(step.intro)}`);
  return problems;
}
