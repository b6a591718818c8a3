// Ink's ANSI tokenizer (@alcalzone/ansi-tokenize) with a fast path, as narrow-width.ts is for
// string-width. Ink turns every line of every frame into styled characters, one grapheme at a time
// through Intl.Segmenter: on `sitrep resume`'s first frame (a full workspace, 120×40) that was about
// a third of Ink's work to draw it, all of it on text whose characters are each one cell wide and
// join no neighbour. Such text (with colour and style codes between) is split here by character,
// which gives the same tokens; anything else goes to the tokenizer itself. The bundle gives Ink
// this module for the package (scripts/build-plugins.mjs); test/core/format/narrow-tokenize.test.ts
// compares the two on every character of the fast path's ranges.
import { tokenize as tokenizeGraphemes, type Token } from '@alcalzone/ansi-tokenize';
import { isOneCellEach, styleCodes } from './narrow-width.js';

export * from '@alcalzone/ansi-tokenize';

/** The tokens of each style code met so far (a screen uses a handful). */
const codeTokens = new Map<string, readonly Token[]>();

/** The tokenizer's tokens for `str`: the same as @alcalzone/ansi-tokenize's tokenize. */
export function tokenize(str: string, endChar?: number): Token[] {
  if (endChar !== undefined) return tokenizeGraphemes(str, endChar);
  const styled = str.includes('\u001b');
  if (!isOneCellEach(styled ? str.replace(styleCodes, '') : str)) return tokenizeGraphemes(str);
  const tokens: Token[] = [];
  let from = 0;
  if (styled) {
    for (const match of str.matchAll(styleCodes)) {
      addChars(tokens, str, from, match.index);
      for (const token of tokensOfCode(match[0])) tokens.push({ ...token });
      from = match.index + match[0].length;
    }
  }
  addChars(tokens, str, from, str.length);
  return tokens;
}

function addChars(tokens: Token[], str: string, from: number, to: number): void {
  // Every character of the fast path is one UTF-16 unit (all are below U+FFFF).
  for (let i = from; i < to; i += 1) tokens.push({ type: 'char', value: str.charAt(i), fullWidth: false });
}

function tokensOfCode(code: string): readonly Token[] {
  let tokens = codeTokens.get(code);
  if (tokens === undefined) {
    tokens = tokenizeGraphemes(code);
    // A screen's codes are a few colours and styles; many more is not a screen to cache for.
    if (codeTokens.size >= 256) codeTokens.clear();
    codeTokens.set(code, tokens);
  }
  return tokens;
}
