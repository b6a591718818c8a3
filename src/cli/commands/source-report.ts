// How a command tells the user about each source after asking them all: a configured source that
// failed is a warning (and exit 1); a built-in default nobody configured that does not answer is
// only a note; malformed items a source sent are summarised.
import type { SourceReport } from '../../core/alerts/alert-json.js';
import { sanitizeLine } from '../../core/sanitize-text.js';
import type { CommandContext } from '../command.js';

/**
 * Prints one line per failed source, then each different hint once. Returns true when a configured
 * source failed, or when no source answered at all.
 */
export function reportSources(
  reports: readonly SourceReport[],
  unconfigured: ReadonlySet<string>,
  context: CommandContext,
): boolean {
  const hints = new Set<string>();
  let failed = false;
  for (const report of reports) {
    const quiet = unconfigured.has(report.url);
    if (report.error !== undefined && quiet) {
      const off = report.kind === 'prometheus' ? '--prometheus.url= skips it' : 'give --alertmanager.url';
      context.stderr.write(
        `sitrep: note: ${sanitizeLine(report.error)} (the built-in default, not configured; ${off})\n`,
      );
    } else if (report.error !== undefined) {
      failed = true;
      context.stderr.write(`sitrep: warning: ${sanitizeLine(report.error)}\n`);
      if (report.hint !== undefined) hints.add(report.hint);
    }
    const [first] = report.problems;
    if (first !== undefined) {
      const more = report.problems.length > 1 ? ` (and ${report.problems.length - 1} more)` : '';
      context.stderr.write(
        `sitrep: warning: ${report.kind} ${sanitizeLine(report.name)}: ${sanitizeLine(first)}${more}\n`,
      );
    }
  }
  // Each different hint once, after the warnings: two sources refusing share one line.
  for (const hint of hints) context.stderr.write(`  ${sanitizeLine(hint)}\n`);
  const noneAnswered = reports.length > 0 && reports.every((r) => r.error !== undefined);
  return failed || noneAnswered;
}
