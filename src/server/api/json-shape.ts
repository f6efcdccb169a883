/**
 * Bounds on the shape of a parsed JSON body, checked before anything walks it recursively (the
 * body's digest, validation). A 16 KB body can nest 8,000 levels deep and overflow the stack of
 * a recursive walk; a 1 MB body can hold 90,000 values, each one an error to describe. A real
 * request nests a few levels and holds a few hundred values: these bounds leave ample room.
 */
export const MAX_JSON_DEPTH = 32;
export const MAX_JSON_VALUES = 20_000;

/**
 * Whether `value` nests at most `maxDepth` arrays/objects deep and holds at most `maxValues`
 * values (containers, keys' values and items all count). Iterative, and stops at the first
 * bound crossed, so its own cost is bounded by `maxValues` whatever the body.
 */
export function withinJsonShape(
  value: unknown,
  maxDepth = MAX_JSON_DEPTH,
  maxValues = MAX_JSON_VALUES,
): boolean {
  const pending: [unknown, number][] = [[value, 1]];
  let count = 0;
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [item, depth] = next;
    if (++count > maxValues) return false;
    if (typeof item !== "object" || item === null) continue;
    if (depth > maxDepth) return false;
    const children = Array.isArray(item) ? item : Object.values(item);
    for (const child of children) pending.push([child, depth + 1]);
    if (pending.length > maxValues) return false;
  }
  return true;
}
