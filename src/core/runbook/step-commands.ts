// The commands in a step's text, for copying: what an engineer would paste into a shell.

/**
 * The code in a step's markdown, verbatim: its fenced code blocks, or when it has none its inline
 * code spans (`echo "…" | socat …`), in order. Empty when the step has no code.
 */
export function stepCommands(markdown: string): string[] {
  const fenced = fencedBlocks(markdown);
  return fenced.length > 0 ? fenced : inlineSpans(markdown);
}

function fencedBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  let open: { fence: string; indent: number; lines: string[] } | undefined;
  for (const line of markdown.split('\n')) {
    const fence = /^( *)(`{3,}|~{3,})(.*)$/.exec(line);
    if (open === undefined) {
      if (fence && !(fence[2]?.startsWith('`') === true && fence[3]?.includes('`') === true)) {
        open = { fence: fence[2] ?? '```', indent: fence[1]?.length ?? 0, lines: [] };
      }
    } else if (fence && fence[2]?.startsWith(open.fence) === true && fence[3]?.trim() === '') {
      blocks.push(open.lines.join('\n'));
      open = undefined;
    } else {
      // Lines of an indented block (under a list item) lose the fence's indentation only.
      const indent = open.indent;
      open.lines.push(line.replace(new RegExp(`^ {0,${indent}}`), ''));
    }
  }
  if (open !== undefined) blocks.push(open.lines.join('\n'));
  return blocks;
}

function inlineSpans(markdown: string): string[] {
  const spans: string[] = [];
  // A span opens and closes with the same number of backticks; one space inside each end is padding.
  const pattern = /(`+)([\s\S]*?[^`])\1(?!`)/g;
  for (const match of markdown.matchAll(pattern)) {
    const body = (match[2] ?? '').replace(/\n/g, ' ');
    const trimmed = /^ .* $/.test(body) && body.trim() !== '' ? body.slice(1, -1) : body;
    if (trimmed.trim() !== '') spans.push(trimmed);
  }
  return spans;
}
