// The screen's bundle bounds Ink's text-measuring cache (scripts/build.mjs): Ink's own keeps every
// text it ever measured, so a screen left open for a shift grows without end. Checked on the built
// code: the bundle's copy of Ink's measure-text module is run with a stand-in for widest-line.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/stack.js';

type Measure = (text: string) => { width: number; height: number };

function bundledMeasureText(): { measure: Measure; size: () => number } {
  const chunks = path.join(repoRoot, 'dist', 'chunks');
  const start = '// node_modules/ink/build/measure-text.js\n';
  const text = fs
    .readdirSync(chunks)
    .filter((f) => f.endsWith('.js'))
    .map((f) => fs.readFileSync(path.join(chunks, f), 'utf8'))
    .find((t) => t.includes(start));
  if (text === undefined) throw new Error('no chunk of dist/ holds Ink measure-text (run npm run build)');
  const from = text.indexOf(start);
  const to = text.indexOf('\n// ', from + start.length);
  const section = text.slice(from, to);
  const found = /var (measureText\w*) = /.exec(section);
  if (!found) throw new Error(`Ink's measure-text section changed:\n${section}`);
  // The section calls widestLine (bundled elsewhere): a stand-in counting characters.
  const widest = /widestLine\w*/.exec(section)?.[0] ?? 'widestLine';
  const standIn = (t: string) => Math.max(...t.split('\n').map((line) => line.length));
  return vm.runInNewContext(`${section}\n({ measure: ${found[1]}, size: () => cache.size })`, {
    [widest]: standIn,
  }) as { measure: Measure; size: () => number };
}

describe("the bundle's Ink text measuring", () => {
  it('keeps at most 2,000 texts and still measures every text right', () => {
    const { measure, size } = bundledMeasureText();
    let largest = 0;
    for (let i = 0; i < 10_000; i += 1) {
      const text = `critical  HttpDown  updated ${i} s ago\n${'x'.repeat(i % 50)}`;
      const [first = '', second = ''] = text.split('\n');
      expect(measure(text)).toEqual({ width: Math.max(first.length, second.length), height: 2 });
      largest = Math.max(largest, size());
    }
    expect(largest).toBe(2000);
    expect(measure('same')).toBe(measure('same'));
  });
});
