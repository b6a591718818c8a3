// Helpers over arrays of any size. `Math.max(...values)` and `list.push(...items)` pass every
// element as a call argument and overflow the stack past about 120,000 elements (130,000 alerts
// crashed `sitrep alerts`); these loop instead.

/** The largest of `values`, or `floor` when that is larger or there are none. */
export function largest(values: Iterable<number>, floor = Number.NEGATIVE_INFINITY): number {
  let result = floor;
  for (const value of values) if (value > result) result = value;
  return result;
}

/** The smallest of `values`, or `ceiling` when that is smaller or there are none. */
export function smallest(values: Iterable<number>, ceiling = Number.POSITIVE_INFINITY): number {
  let result = ceiling;
  for (const value of values) if (value < result) result = value;
  return result;
}

/** Appends every item to `target` (in place) and returns it. */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
