// `--json` output: indented for a person at a terminal, compact through a pipe, and in both cases
// the same document with the terminal-unsafe characters escaped.
import { describe, expect, it } from 'vitest';
import { writeJson } from '../../src/cli/command.js';

function written(isTTY: boolean, document: unknown): string {
  let out = '';
  writeJson({ stdout: { write: (text: string) => (out += text), isTTY } }, document);
  return out;
}

describe('writeJson', () => {
  const document = { alerts: [{ name: 'A\u009b2J', value: 1 }] };

  it('indents for a terminal and is one line through a pipe, the same document either way', () => {
    const tty = written(true, document);
    const pipe = written(false, document);
    expect(tty).toContain('\n  "alerts": [');
    expect(pipe).toBe('{"alerts":[{"name":"A\\u009b2J","value":1}]}\n');
    expect(JSON.parse(tty)).toEqual(JSON.parse(pipe));
    expect(JSON.parse(pipe)).toEqual(document);
  });
});
