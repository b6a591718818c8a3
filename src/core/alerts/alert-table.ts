// The text table of `sitrep alerts` (`-o simple` and `-o extended`). Every cell is server text, so
// each goes through sanitizeLine before it is measured or printed.
import { cellWidth, cutCells, padCells } from '../format/cells.js';
import { sanitizeLine } from '../sanitize.js';
import type { Alert } from './alert.js';
import { formatStartAge } from '../format/start-time.js';
import { largest } from '../bounded.js';

/** What a listing shows for an empty value (an empty alertname, no labels of its own). */
export const emptyValue = '-';

/** Labels every listing shows in their own column, left out of the LABELS column. */
const ownColumns = new Set(['alertname', 'severity']);

/** `server=web1 instance=db:9100`: the labels that tell one instance of an alert from another. */
export function keyLabels(alert: Alert): string {
  return Object.keys(alert.labels)
    .filter((name) => !ownColumns.has(name))
    .sort()
    .map((name) => `${name}=${alert.labels[name] ?? ''}`)
    .join(' ');
}

/** Longest cell, and longest severity: a label value can be any length, a row stays readable. */
const maxCell = 200;
const maxSeverity = 16;

/** Column headers, and the columns that may be cut short to fit the terminal. */
const simpleColumns = ['SEVERITY', 'ALERTNAME', 'LABELS', 'AGE', 'STATE', 'SOURCE'] as const;
const extendedColumns = [...simpleColumns, 'SUMMARY', 'RUNBOOK'] as const;
const shrinkable = new Set(['LABELS', 'SUMMARY', 'ALERTNAME']);

/**
 * The table as lines of text, measured in terminal cells (CJK and emoji take two), so columns line
 * up whatever the script. `width` is the terminal's width when known: the LABELS, SUMMARY and
 * ALERTNAME columns are then shortened (ending in `…`) so lines fit.
 */
export function alertTable(
  alerts: readonly Alert[],
  options: { readonly nowMs: number; readonly extended: boolean; readonly width?: number | undefined },
): string {
  const headers: readonly string[] = options.extended ? extendedColumns : simpleColumns;
  const rows = alerts.map((alert) => {
    const cells = [
      alert.severity,
      alert.name || emptyValue,
      keyLabels(alert) || emptyValue,
      formatStartAge(alert.startsAt, options.nowMs),
      alert.state,
      alert.origins.map((o) => o.source).join(','),
    ];
    if (options.extended)
      cells.push(alert.annotations['summary'] ?? emptyValue, alert.runbookUrl ?? emptyValue);
    return cells.map((cell, i) => sanitizeLine(cell, i === 0 ? maxSeverity : maxCell) || emptyValue);
  });
  const widths = headers.map((h, i) =>
    largest(
      rows.map((r) => cellWidth(r[i] ?? '')),
      h.length,
    ),
  );
  if (options.width !== undefined) fit(widths, headers, options.width);
  return [headers, ...rows]
    .map((cells) =>
      cells
        .map((cell, i) =>
          padCells(
            cutCells(cell, widths[i] ?? cellWidth(cell)),
            i === cells.length - 1 ? 0 : (widths[i] ?? 0),
          ),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

// Narrows the widest shrinkable column, one character at a time, until the line fits or every
// shrinkable column is down to 12 characters.
function fit(widths: number[], headers: readonly string[], width: number): void {
  const total = () => widths.reduce((sum, w) => sum + w, 0) + 2 * (widths.length - 1);
  while (total() > width) {
    let widest = -1;
    headers.forEach((header, i) => {
      if (
        shrinkable.has(header) &&
        (widths[i] ?? 0) > 12 &&
        (widest < 0 || (widths[i] ?? 0) > (widths[widest] ?? 0))
      ) {
        widest = i;
      }
    });
    if (widest < 0) return;
    widths[widest] = (widths[widest] ?? 0) - 1;
  }
}
