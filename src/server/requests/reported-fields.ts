/**
 * How many problems an error answer lists. A body can hold thousands of wrong answers; describing
 * each one costs CPU and makes the answer many times the size of the body. The first ones are
 * enough for a person or a client to act on; `fieldsLeftOut` says how many more there were.
 */
export const MAX_REPORTED_FIELDS = 50;

export function reportedFields<T, F>(
  problems: readonly T[],
  toFields: (first: readonly T[]) => F[],
): { fields: F[]; fieldsLeftOut?: number } {
  const fields = toFields(problems.slice(0, MAX_REPORTED_FIELDS));
  const leftOut = problems.length - MAX_REPORTED_FIELDS;
  return leftOut > 0 ? { fields, fieldsLeftOut: leftOut } : { fields };
}
