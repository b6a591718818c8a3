// Seeded pseudo-random input for tests that compare a fast path with the full one over many
// generated cases: the same seed gives the same cases, so a failure names an input that fails again.

/** A deterministic sequence of numbers in [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` texts, each of 1 to `most` pieces drawn from `pieces` and glued together. */
export function textsFrom(pieces: readonly string[], count: number, most: number, seed: number): string[] {
  const next = seededRandom(seed);
  const texts: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const length = 1 + Math.floor(next() * most);
    let text = '';
    for (let j = 0; j < length; j += 1) text += pieces[Math.floor(next() * pieces.length)] ?? '';
    texts.push(text);
  }
  return texts;
}
