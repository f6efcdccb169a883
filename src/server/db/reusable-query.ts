/**
 * A query that Kysely builds and compiles once, for the database in use, then runs again with
 * other values. Building and compiling cost more than running a small query on SQLite, and
 * the hot queries of a submission only ever change their values, never their shape. The SQL
 * still comes from Kysely's query builder, so SQLite and PostgreSQL run the same query.
 *
 * The query is built with placeholders (`value(i)`) where the values go; each placeholder must
 * stand for one SQL parameter (in a comparison, in `in (…)`, in inserted values).
 */
import { randomBytes } from "node:crypto";
import type { Compilable, CompiledQuery } from "kysely";

/** Stands for the query's `index`th value; typed as whatever the place it is put in needs. */
export type ValuePlaceholder = <T>(index: number) => T;

/** Runs the query with these values, in the order of the placeholders' indexes. */
export type ReusableQuery<R> = (values: readonly unknown[]) => CompiledQuery<R>;

/** Text no real value could be: a random token per process. */
const TOKEN = `reusable-query-${randomBytes(8).toString("hex")}-`;
const placeholder = ((index: number) => `${TOKEN}${index}`) as ValuePlaceholder;

export function reusableQuery<R>(build: (value: ValuePlaceholder) => Compilable<R>): ReusableQuery<R> {
  const compiled = build(placeholder).compile();
  const slots = compiled.parameters.map((parameter) =>
    typeof parameter === "string" && parameter.startsWith(TOKEN)
      ? Number(parameter.slice(TOKEN.length))
      : undefined,
  );
  if (slots.includes(undefined))
    throw new Error(`A reusable query may only have placeholders for parameters: ${compiled.sql}`);
  const count = Math.max(-1, ...(slots as number[])) + 1;
  return (values) => {
    if (values.length !== count) throw new Error(`The query needs ${count} values, not ${values.length}.`);
    return { ...compiled, parameters: slots.map((slot) => values[slot as number]) };
  };
}
