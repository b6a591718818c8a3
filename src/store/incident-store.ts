// The folder of incident journals: open a new incident, resume one, read, list and find them.
import path from 'node:path';
import type { Alert } from '../core/alerts/alert.js';
import { errorMessage, UsageError, UserError } from '../core/errors.js';
import type { TimelineEvent } from '../core/timeline/events.js';
import { fold } from '../core/timeline/fold.js';
import type { Incident } from '../core/timeline/incident.js';
import { isIncidentId } from '../core/timeline/incident-id.js';
import { journalError, readJournalFile } from './journal-file.js';
import { errorCode, nodeJournalFs } from './journal-fs.js';
import { Journal, type JournalOptions } from './journal.js';
import { appendAll } from '../core/bounded.js';

/** An incident as listed: its state and where its journal is. */
export interface IncidentEntry {
  readonly id: string;
  readonly path: string;
  readonly incident: Incident;
}

/** A journal read without changing it. */
export interface IncidentRecord extends IncidentEntry {
  readonly events: readonly TimelineEvent[];
  readonly warnings: readonly string[];
}

/** What a new incident starts from. */
export interface OpenIncidentInput {
  /** The alerts being worked (one alertname); the first names the incident. */
  readonly alerts: readonly Alert[];
  /** ISO time it was opened (the caller's clock). */
  readonly at: string;
  readonly title?: string;
}

/** Which incident a command means when it is not given an id. */
export type IncidentDefault = 'latest' | 'latest-open';

const extension = '.jsonl';
const statusOrder = { open: 0, resolved: 1, closed: 2 } as const;

/** The journals in one folder (`incidentsDir(env)` in real use, a temp folder in tests). */
export class IncidentStore {
  readonly dir: string;
  private readonly options: JournalOptions;

  constructor(dir: string, options: JournalOptions = {}) {
    this.dir = dir;
    this.options = options;
  }

  /** The journal file of an incident id. */
  pathOf(id: string): string {
    // Ids become file names: anything else (a `/`, a `..`) is refused rather than followed.
    if (!isIncidentId(id))
      throw new UsageError(`"${id}" is not an incident id`, 'Run `sitrep incidents --all`.');
    return path.join(this.dir, `${id}${extension}`);
  }

  /**
   * Starts a new incident and records its incident-opened event. Never throws for disk errors:
   * the journal keeps the event in memory and retries; its status() says what went wrong.
   */
  async openIncident(input: OpenIncidentInput): Promise<Journal> {
    // Loaded here: the commands that only read journals (export, incidents) need no hashing.
    const [{ randomBytes }, { incidentOpenedEvent }] = await Promise.all([
      import('node:crypto'),
      import('../core/timeline/event-builders.js'),
    ]);
    let event = incidentOpenedEvent({ ...input, entropy: randomBytes(8).toString('hex') });
    // An id is 16 bits of hash per alert and day; on the rare clash, draw again.
    // A folder that cannot be read yet is not a clash; the first write will report the problem.
    const taken = (id: string) => this.exists(id).catch(() => false);
    for (let attempt = 0; attempt < 8 && (await taken(event.id)); attempt += 1) {
      event = incidentOpenedEvent({ ...input, entropy: randomBytes(8).toString('hex') });
    }
    return Journal.create(this.pathOf(event.id), event, this.options);
  }

  /** Opens an existing incident to append to it (repairing a torn last line). */
  async resume(id: string): Promise<Journal> {
    if (!(await this.exists(id))) throw noSuchIncident(id);
    return Journal.open(this.pathOf(id), this.options);
  }

  /** Reads an incident without changing its file. */
  async read(id: string): Promise<IncidentRecord> {
    if (!(await this.exists(id))) throw noSuchIncident(id);
    const { record, warnings } = await this.load(id);
    if (record === undefined) {
      throw noIncidentOpened(this.pathOf(id), warnings);
    }
    return record;
  }

  /** Every readable incident, open ones first, then the most recently opened. */
  async list(): Promise<{ incidents: IncidentEntry[]; warnings: string[] }> {
    const incidents: IncidentEntry[] = [];
    const warnings: string[] = [];
    for (const id of await this.ids()) {
      // One unreadable file must not hide the other incidents.
      const loaded = await this.load(id).catch((error: unknown) => {
        warnings.push(errorMessage(error));
      });
      if (loaded === undefined) continue;
      const { record, warnings: own } = loaded;
      appendAll(warnings, own);
      if (record === undefined) warnings.push(`the journal ${this.pathOf(id)} has no incident-opened event`);
      else incidents.push({ id, path: record.path, incident: record.incident });
    }
    incidents.sort(
      (a, b) =>
        statusOrder[a.incident.status] - statusOrder[b.incident.status] ||
        Date.parse(b.incident.openedAt) - Date.parse(a.incident.openedAt) ||
        a.id.localeCompare(b.id),
    );
    return { incidents, warnings };
  }

  private async load(
    id: string,
  ): Promise<{ record: IncidentRecord | undefined; warnings: readonly string[] }> {
    const file = this.pathOf(id);
    const { parsed, warnings } = await readJournalFile(this.fs(), file);
    const incident = fold(parsed.events);
    const record = incident && { id, path: file, incident, events: parsed.events, warnings };
    return { record, warnings };
  }

  /**
   * The id a command means: `given` exactly, or the one incident whose id starts with it or ends
   * with `-given` (so the short hash is enough); without `given`, the most recent (open) one.
   */
  async resolveId(given: string | undefined, fallback: IncidentDefault): Promise<string> {
    const ids = await this.ids();
    if (given === undefined) {
      const { incidents } = await this.list();
      const byOpened = [...incidents].sort(
        (a, b) => Date.parse(b.incident.openedAt) - Date.parse(a.incident.openedAt),
      );
      const pick = byOpened.find((e) => fallback === 'latest' || e.incident.status === 'open');
      if (pick === undefined) {
        throw new UserError(
          fallback === 'latest' ? 'there are no incidents yet' : 'there is no open incident',
          {
            hint: 'Run `sitrep incidents --all` to list them, and pass an incident id.',
          },
        );
      }
      return pick.id;
    }
    if (ids.includes(given)) return given;
    const matches = ids.filter((id) => id.startsWith(given) || id.endsWith(`-${given}`));
    if (matches.length === 1 && matches[0] !== undefined) return matches[0];
    if (matches.length > 1) {
      throw new UsageError(
        `"${given}" matches ${matches.length} incidents: ${matches.join(', ')}`,
        'Pass more of the id.',
      );
    }
    throw noSuchIncident(given);
  }

  private async ids(): Promise<string[]> {
    let names: string[];
    try {
      names = await this.fs().readdir(this.dir);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return [];
      throw journalError(error, this.dir, 'read');
    }
    return names
      .filter((name) => name.endsWith(extension))
      .map((name) => name.slice(0, -extension.length))
      .filter(isIncidentId)
      .sort();
  }

  private async exists(id: string): Promise<boolean> {
    try {
      await this.fs().size(this.pathOf(id));
      return true;
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return false;
      throw journalError(error, this.pathOf(id), 'read');
    }
  }

  private fs() {
    return this.options.fs ?? nodeJournalFs;
  }
}

/** The error for a journal without its first event (`warnings`: what reading it set aside). */
export function noIncidentOpened(file: string, warnings: readonly string[]): UserError {
  return new UserError(`the journal ${file} has no incident-opened event`, {
    hint: warnings.length > 0 ? warnings.join('\n  ') : 'The file may be empty or from another program.',
  });
}

function noSuchIncident(id: string): UserError {
  return new UserError(`no incident "${id}"`, { hint: 'Run `sitrep incidents --all` to list them.' });
}
