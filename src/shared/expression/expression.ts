/**
 * The small expression language of flows: conditions ("show this step when…"), branching and
 * computed values. jsep parses the text into an AST; this module interprets a closed subset of
 * that AST. Nothing is ever compiled to JavaScript, so flows run under a CSP without
 * 'unsafe-eval', and an expression can only read answers, parameters and computed values.
 */
import jsep from "jsep";
import { communeById } from "../communes";

export type Value = number | string | boolean | undefined | null | readonly unknown[] | object;

export interface Scope {
  /** Answers and computed values, looked up by bare name. */
  readonly values: Readonly<Record<string, unknown>>;
  /** Flow parameters, read as `params.name`. */
  readonly params: Readonly<Record<string, unknown>>;
  /** The current repeat item (a child, a household member), read as `item.name`. */
  readonly item?: Readonly<Record<string, unknown>>;
}

export type Expression = jsep.Expression;

export class ExpressionError extends Error {
  constructor(
    message: string,
    readonly source: string,
  ) {
    super(message);
    this.name = "ExpressionError";
  }
}

/** Names an expression may read, split by where they come from. */
export interface References {
  readonly values: string[];
  readonly params: string[];
  readonly item: string[];
  readonly functions: string[];
}

const FUNCTIONS: Readonly<Record<string, (args: unknown[]) => unknown>> = {
  count: ([list]) => (Array.isArray(list) ? list.length : 0),
  sum: ([list, key]) =>
    Array.isArray(list)
      ? list.reduce<number>((total, entry) => {
          const n = typeof key === "string" ? (entry as Record<string, unknown>)?.[key] : entry;
          return total + (typeof n === "number" ? n : 0);
        }, 0)
      : 0,
  includes: ([list, value]) => Array.isArray(list) && list.includes(value),
  any: ([list, key, value]) =>
    Array.isArray(list) &&
    list.some((entry) => typeof key === "string" && (entry as Record<string, unknown>)?.[key] === value),
  min: (args) => numeric(args, Math.min),
  max: (args) => numeric(args, Math.max),
  round: ([n]) => (typeof n === "number" ? Math.round(n) : undefined),
  floor: ([n]) => (typeof n === "number" ? Math.floor(n) : undefined),
  ceil: ([n]) => (typeof n === "number" ? Math.ceil(n) : undefined),
  answered: ([v]) => v !== undefined && v !== null && v !== "",
  provinceOf: ([commune]) => (typeof commune === "string" ? communeById(commune)?.province : undefined),
};

export const FUNCTION_NAMES: readonly string[] = Object.keys(FUNCTIONS);

function numeric(args: unknown[], pick: (...n: number[]) => number): number | undefined {
  return args.every((a) => typeof a === "number") ? pick(...(args as number[])) : undefined;
}

const cache = new Map<string, Expression>();

/** Parses once and remembers: flows are evaluated on every keystroke on slow phones. */
export function parseExpression(source: string): Expression {
  const known = cache.get(source);
  if (known) return known;
  let ast: Expression;
  try {
    ast = jsep(source);
  } catch (error) {
    throw new ExpressionError((error as Error).message, source);
  }
  checkShape(ast, source);
  cache.set(source, ast);
  return ast;
}

const BINARY = new Set(["||", "&&", "==", "!=", "<", ">", "<=", ">=", "+", "-", "*", "/", "%"]);
const UNARY = new Set(["!", "-", "+"]);
const SCOPED = new Set(["params", "item"]);

/** Rejects at parse time what the interpreter will not run, so authors learn it from flows:check. */
function checkShape(node: Expression, source: string): void {
  switch (node.type) {
    case "Literal":
      return;
    case "Identifier":
      if (SCOPED.has(node.name as string))
        throw new ExpressionError(`"${node.name}" must be followed by a name, like ${node.name}.x`, source);
      return;
    case "MemberExpression": {
      const object = node.object as Expression;
      const property = node.property as Expression;
      if (
        node.computed ||
        object.type !== "Identifier" ||
        !SCOPED.has(object.name as string) ||
        property.type !== "Identifier"
      )
        throw new ExpressionError("only params.name and item.name can use a dot", source);
      return;
    }
    case "CallExpression": {
      const callee = node.callee as Expression;
      if (callee.type !== "Identifier" || !Object.hasOwn(FUNCTIONS, callee.name as string))
        throw new ExpressionError(`unknown function; known: ${FUNCTION_NAMES.join(", ")}`, source);
      for (const arg of node.arguments as Expression[]) checkShape(arg, source);
      return;
    }
    case "UnaryExpression":
      if (!UNARY.has(node.operator as string))
        throw new ExpressionError(`operator ${node.operator} is not allowed`, source);
      checkShape(node.argument as Expression, source);
      return;
    case "BinaryExpression":
      if (!BINARY.has(node.operator as string))
        throw new ExpressionError(`operator ${node.operator} is not allowed`, source);
      checkShape(node.left as Expression, source);
      checkShape(node.right as Expression, source);
      return;
    case "ConditionalExpression":
      checkShape(node.test as Expression, source);
      checkShape(node.consequent as Expression, source);
      checkShape(node.alternate as Expression, source);
      return;
    default:
      throw new ExpressionError(`${node.type} is not allowed in a flow expression`, source);
  }
}

export function referencesOf(source: string): References {
  const refs: References = { values: [], params: [], item: [], functions: [] };
  const visit = (node: Expression): void => {
    switch (node.type) {
      case "Identifier":
        refs.values.push(node.name as string);
        return;
      case "MemberExpression": {
        const scope = (node.object as Expression).name as "params" | "item";
        refs[scope].push((node.property as Expression).name as string);
        return;
      }
      case "CallExpression":
        refs.functions.push((node.callee as Expression).name as string);
        (node.arguments as Expression[]).forEach(visit);
        return;
      case "UnaryExpression":
        visit(node.argument as Expression);
        return;
      case "BinaryExpression":
        visit(node.left as Expression);
        visit(node.right as Expression);
        return;
      case "ConditionalExpression":
        visit(node.test as Expression);
        visit(node.consequent as Expression);
        visit(node.alternate as Expression);
        return;
    }
  };
  visit(parseExpression(source));
  return refs;
}

export function evaluate(source: string, scope: Scope): unknown {
  return run(parseExpression(source), scope);
}

/** A condition holds only when it evaluates to exactly `true`: an unanswered question never opens a branch. */
export function holds(source: string, scope: Scope): boolean {
  return evaluate(source, scope) === true;
}

function lookup(record: Readonly<Record<string, unknown>> | undefined, name: string): unknown {
  return record && Object.hasOwn(record, name) ? record[name] : undefined;
}

function run(node: Expression, scope: Scope): unknown {
  switch (node.type) {
    case "Literal":
      return node.value;
    case "Identifier":
      return lookup(scope.values, node.name as string);
    case "MemberExpression": {
      const name = (node.property as Expression).name as string;
      return (node.object as Expression).name === "params"
        ? lookup(scope.params, name)
        : lookup(scope.item, name);
    }
    case "CallExpression": {
      const fn = FUNCTIONS[(node.callee as Expression).name as string] as (args: unknown[]) => unknown;
      return fn((node.arguments as Expression[]).map((arg) => run(arg, scope)));
    }
    case "UnaryExpression": {
      const v = run(node.argument as Expression, scope);
      if (node.operator === "!") {
        const t = truth(v);
        return t === undefined ? undefined : !t;
      }
      if (typeof v !== "number") return undefined;
      return node.operator === "-" ? -v : v;
    }
    case "ConditionalExpression": {
      const t = truth(run(node.test as Expression, scope));
      if (t === undefined) return undefined;
      return t ? run(node.consequent as Expression, scope) : run(node.alternate as Expression, scope);
    }
    case "BinaryExpression":
      return binary(node.operator as string, node.left as Expression, node.right as Expression, scope);
    default:
      throw new ExpressionError(`${node.type} is not allowed in a flow expression`, "");
  }
}

/**
 * Three-valued truth: a missing answer is unknown (undefined), not false, so `!livesInSud`
 * does not hold before the question is answered. && and || follow Kleene's logic.
 */
function truth(v: unknown): boolean | undefined {
  if (v === undefined || v === null) return undefined;
  return (
    v === true ||
    (typeof v === "number" && v !== 0) ||
    (typeof v === "string" && v !== "") ||
    Array.isArray(v)
  );
}

function binary(op: string, leftNode: Expression, rightNode: Expression, scope: Scope): unknown {
  if (op === "&&") {
    const left = truth(run(leftNode, scope));
    if (left === false) return false;
    const right = truth(run(rightNode, scope));
    if (right === false) return false;
    return left === undefined || right === undefined ? undefined : true;
  }
  if (op === "||") {
    const left = truth(run(leftNode, scope));
    if (left === true) return true;
    const right = truth(run(rightNode, scope));
    if (right === true) return true;
    return left === undefined || right === undefined ? undefined : false;
  }
  const left = run(leftNode, scope);
  const right = run(rightNode, scope);
  // A missing answer compares to nothing: ask `answered(x)` to test for presence.
  if (left === undefined || right === undefined || left === null || right === null) return undefined;
  if (op === "==") return left === right;
  if (op === "!=") return left !== right;
  // Arithmetic and ordering only between numbers, never a value that would silently pass a threshold.
  if (typeof left !== "number" || typeof right !== "number") return undefined;
  switch (op) {
    case "<":
      return left < right;
    case ">":
      return left > right;
    case "<=":
      return left <= right;
    case ">=":
      return left >= right;
    case "+":
      return left + right;
    case "-":
      return left - right;
    case "*":
      return left * right;
    case "/":
      return right === 0 ? undefined : left / right;
    default:
      return right === 0 ? undefined : left % right;
  }
}
