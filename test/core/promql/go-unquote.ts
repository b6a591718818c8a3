// An independent reading of a PromQL string literal, following the rules of Prometheus's lexer and
// Go's strconv.Unquote (escapes produce bytes or code points; the result is UTF-8). The tests decode
// what the escaper wrote with this and compare it with the original value.

/** The value a PromQL string literal (quotes included) stands for; throws on anything Prometheus rejects. */
export function goUnquote(literal: string): string {
  const quote = literal[0];
  if (quote === '`') {
    if (!literal.endsWith('`') || literal.length < 2) throw new Error('unterminated raw string');
    return literal.slice(1, -1);
  }
  if ((quote !== '"' && quote !== "'") || !literal.endsWith(quote) || literal.length < 2) {
    throw new Error(`not a string literal: ${literal}`);
  }
  const body = literal.slice(1, -1);
  const bytes: number[] = [];
  const pushText = (text: string) => bytes.push(...new TextEncoder().encode(text));
  for (let i = 0; i < body.length; i += 1) {
    const char = body[i] as string;
    if (char === quote) throw new Error('unescaped quote');
    if (char === '\n') throw new Error('newline in string');
    if (char !== '\\') {
      const code = body.codePointAt(i) ?? 0;
      const whole = String.fromCodePoint(code);
      pushText(whole);
      i += whole.length - 1;
      continue;
    }
    const next = body[i + 1];
    const simple: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92 };
    if (next !== undefined && simple[next] !== undefined) {
      bytes.push(simple[next]);
      i += 1;
    } else if (next === quote) {
      bytes.push(quote.charCodeAt(0));
      i += 1;
    } else if (next === 'x') {
      bytes.push(parseHex(body.slice(i + 2, i + 4), 2));
      i += 3;
    } else if (next === 'u' || next === 'U') {
      const width = next === 'u' ? 4 : 8;
      const code = parseHex(body.slice(i + 2, i + 2 + width), width);
      if (code > 0x10ffff || (code >= 0xd800 && code < 0xe000)) throw new Error('invalid code point');
      pushText(String.fromCodePoint(code));
      i += 1 + width;
    } else if (next !== undefined && /[0-7]/.test(next)) {
      const octal = body.slice(i + 1, i + 4);
      if (!/^[0-7]{3}$/.test(octal)) throw new Error('bad octal escape');
      bytes.push(Number.parseInt(octal, 8));
      i += 3;
    } else {
      throw new Error(`unknown escape \\${next ?? ''}`);
    }
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
}

function parseHex(text: string, width: number): number {
  if (text.length !== width || !/^[0-9a-fA-F]+$/.test(text)) throw new Error('bad hex escape');
  return Number.parseInt(text, 16);
}
