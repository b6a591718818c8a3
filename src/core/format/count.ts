// A count and the noun it counts, in the number the count takes: `1 problem`, `3 problems`.

/** `1 problem`, `0 problems`, `2 problems`; `plural` for a noun that does not just add an s. */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
