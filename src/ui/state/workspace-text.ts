// Runbook text laid out for a pane of a given width: prose is re-flowed at word boundaries, an
// inline code span (`…`) is kept on one line when it fits and otherwise breaks at its spaces, and
// fenced code blocks are kept line for line. Nothing is cut: a line longer than the pane is
// continued on the next, so a command can be read (and typed) whole.
import type { WorkspaceRunbook } from '../../app/services.js';
import { cellWidth, splitCells } from '../../core/format/cells.js';
import { sanitizeLine, sanitizeText } from '../../core/sanitize.js';

/** Rows outside the workspace view: the header, the gap under it, the footer. */
export const appChrome = 3;

/** The text as lines of at most `width` terminal cells, sanitized. */
export function wrapText(text: string, width: number): string[] {
  const columns = Math.max(10, width);
  const out: string[] = [];
  let paragraph: string[] = [];
  let fenced = false;
  const flush = () => {
    if (paragraph.length > 0) out.push(...flow(paragraph.join(' '), columns));
    paragraph = [];
  };
  for (const raw of sanitizeText(text).replace(/\t/g, '  ').split('\n')) {
    const line = raw.trim();
    if (line.startsWith('```') || line.startsWith('~~~')) {
      flush();
      fenced = !fenced;
      continue;
    }
    if (fenced) {
      out.push(...hardWrap(`  ${raw.replace(/\s+$/, '')}`, columns));
    } else if (line === '') {
      flush();
      if (out.length > 0 && out[out.length - 1] !== '') out.push('');
    } else {
      paragraph.push(line);
    }
  }
  flush();
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

/** Words and whole code spans, in order. */
function tokens(text: string): string[] {
  return text.match(/`[^`]*`\S*|\S+/g) ?? [];
}

function flow(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  // A code span wider than the pane breaks at its own spaces; only a single word wider than the
  // pane is cut, and then it continues on the next line.
  const pieces = tokens(text).flatMap((t) => (cellWidth(t) > width ? (t.match(/\S+/g) ?? []) : [t]));
  for (const token of pieces) {
    const joined = current === '' ? token : `${current} ${token}`;
    if (cellWidth(joined) <= width) {
      current = joined;
      continue;
    }
    if (current !== '') lines.push(current);
    if (cellWidth(token) <= width) {
      current = token;
    } else {
      const pieces = hardWrap(token, width);
      lines.push(...pieces.slice(0, -1));
      current = pieces[pieces.length - 1] ?? '';
    }
  }
  if (current !== '') lines.push(current);
  return lines;
}

/** Cuts a line into pieces of at most `width` terminal cells, never inside a character. */
export function hardWrap(line: string, width: number): string[] {
  return splitCells(line, width);
}

/** How many rows each part of the workspace gets at this terminal height. */
export interface PaneHeights {
  /** Rows for the focused step's text (or the alert, or the timeline). */
  readonly detail: number;
  /** Rows for the probe lines. */
  readonly probes: number;
}

/**
 * Shares what is left of the terminal between the detail text and the probes: the detail gets
 * what it needs up to two thirds, the probes the rest, each at least three rows.
 */
export function paneHeights(free: number, detailLines: number, probeLines: number): PaneHeights {
  const room = Math.max(6, free);
  const wantProbes = Math.min(probeLines, Math.max(3, Math.floor(room / 3)));
  const detail = Math.max(3, Math.min(detailLines, room - wantProbes));
  return { detail, probes: Math.max(3, room - detail) };
}

/** Meaning, Impact and the runbook's notes: one line each when folded, wrapped whole when open. */
export function contextLines(runbook: WorkspaceRunbook | undefined, open: boolean, width: number): string[] {
  if (!runbook) return [];
  const parts: [string, string | undefined][] = [
    ['Meaning: ', runbook.meaning],
    ['Impact: ', runbook.impact],
    ['', runbook.notes?.[0] === undefined ? undefined : runbook.notes.join(' · ')],
  ];
  const shown = parts.filter((p): p is [string, string] => p[1] !== undefined && p[1] !== '');
  if (!open) return shown.map(([label, text]) => `${label}${sanitizeLine(text)}`);
  return shown.flatMap(([label, text]) => wrapText(`${label}${text}`, width));
}

/**
 * Checklist rows at this size: every step when they fit in two fifths of the free rows, else
 * that much (at least three), so the focused step and its probes keep the rest.
 */
export function checklistRows(rows: number, contextCount: number, items: number): number {
  // title, alert line, runbook line, checklist gap, pane border, pane footer, probe age.
  const free = rows - appChrome - 3 - contextCount - 4;
  return Math.max(1, Math.min(items, Math.max(3, Math.floor(free * 0.4))));
}
