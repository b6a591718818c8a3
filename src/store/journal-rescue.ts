// The last chance for journal events that never reached the disk (a full disk, a read-only
// folder) when sitrep is leaving — by `q`, Ctrl-C or SIGTERM: each open journal tries once more,
// and what still did not land is written to a recovery file in a writable place (the temp dir)
// and described for the terminal, so nothing is lost silently.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { encodeEvent } from '../core/timeline/journal-codec.js';
import type { TimelineEvent } from '../core/timeline/events.js';
import { sanitizeLine } from '../core/sanitize-text.js';
import { openJournals } from './journal.js';

/** What one journal could not save. */
export interface UnsavedEvents {
  readonly journal: string;
  readonly events: readonly TimelineEvent[];
  /** Why the last write failed. */
  readonly error: string | undefined;
  /** The recovery file holding the events as journal lines; undefined if it could not be written. */
  readonly recoveryFile: string | undefined;
  readonly recoveryError: string | undefined;
}

/**
 * Closes every open journal after one more attempt to write, and saves what is still unwritten
 * to `<dir>/sitrep-unsaved-<journal name>-<time>.jsonl` (mode 0600). Empty when all was saved.
 */
export async function rescueOpenJournals(
  dir: string = os.tmpdir(),
  now: () => number = Date.now,
): Promise<UnsavedEvents[]> {
  const reports: UnsavedEvents[] = [];
  for (const journal of openJournals()) {
    const events = await journal.close();
    if (events.length === 0) continue;
    const name = path.basename(journal.path, path.extname(journal.path));
    const file = path.join(dir, `sitrep-unsaved-${name}-${now()}.jsonl`);
    let recoveryError: string | undefined;
    try {
      await fs.writeFile(file, events.map((e) => `${encodeEvent(e)}\n`).join(''), { mode: 0o600 });
    } catch (error) {
      recoveryError = (error as { code?: string }).code ?? String(error);
    }
    reports.push({
      journal: journal.path,
      events,
      error: journal.lastFailure(),
      recoveryFile: recoveryError === undefined ? file : undefined,
      recoveryError,
    });
  }
  return reports;
}

/** The lines to print about unsaved events: what they are and where they went. */
export function describeUnsaved(reports: readonly UnsavedEvents[]): string {
  let text = '';
  for (const report of reports) {
    const why = report.error ? ` (${sanitizeLine(report.error)})` : '';
    text += `sitrep: ${report.events.length} event(s) were NOT saved to ${sanitizeLine(report.journal)}${why}:\n`;
    for (const event of report.events) text += `  ${sanitizeLine(encodeEvent(event))}\n`;
    text += report.recoveryFile
      ? `sitrep: they are saved in ${report.recoveryFile}; once the disk has room, add them back with:\n  cat ${report.recoveryFile} >> ${sanitizeLine(report.journal)}\n`
      : `sitrep: the recovery file could not be written either (${sanitizeLine(report.recoveryError ?? '')}); copy the lines above.\n`;
  }
  return text;
}
