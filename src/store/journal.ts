// An incident's journal: appends events to its JSON-lines file, each durable (fsync) before it
// counts as recorded. When the disk is full or the folder unwritable, events wait in memory, in
// order, and are retried (on a backoff timer, and at every new append) until they land.
import path from 'node:path';
import type { UserError } from '../core/errors.js';
import type { TimelineEvent } from '../core/timeline/events.js';
import { applyEvent, fold } from '../core/timeline/fold.js';
import type { Incident } from '../core/timeline/incident.js';
import { encodeEvent } from '../core/timeline/journal-codec.js';
import { journalError, openJournalFile } from './journal-file.js';
import { nodeJournalFs, type JournalFs, type JournalHandle } from './journal-fs.js';

/** Knobs for tests; the defaults are for people. */
export interface JournalOptions {
  readonly fs?: JournalFs;
  /** Waits between retries after a failed write; the last one repeats. */
  readonly retryDelaysMs?: readonly number[];
  /** How long a torn-looking last line must stay unchanged before it is repaired. */
  readonly settleMs?: number;
}

/** Whether an append reached the disk at its first attempt. A failed one stays queued. */
export type AppendResult =
  { readonly recorded: true } | { readonly recorded: false; readonly error: UserError };

/** What the UI shows about recording: how many events are on disk, waiting, and the last failure. */
export interface JournalStatus {
  readonly recorded: number;
  readonly pending: number;
  readonly error: UserError | undefined;
}

interface Pending {
  readonly body: Buffer;
  /** Bytes of `body` a short write left unterminated at the end of the file. */
  fragment: number;
  settle: ((result: AppendResult) => void) | undefined;
}

// Every journal not yet closed, so an exit (Ctrl-C, SIGTERM) can try once more and rescue what
// never reached the disk (journal-rescue.ts).
const openSet = new Set<Journal>();

/** The journals this process has open (not yet closed). */
export function openJournals(): readonly Journal[] {
  return [...openSet];
}

/** One incident's journal file, open for appending. Create it with the incident store. */
export class Journal {
  readonly path: string;
  /** Problems found when the file was read (lines set aside, a torn last line repaired). */
  readonly warnings: readonly string[];
  private readonly fs: JournalFs;
  private readonly retryDelaysMs: readonly number[];
  private all: readonly TimelineEvent[];
  private readonly queue: Pending[] = [];
  private readonly listeners = new Set<() => void>();
  private handle: JournalHandle | undefined;
  private isNewFile: boolean;
  private recordedCount: number;
  private lastError: UserError | undefined;
  private snapshot: JournalStatus;
  private draining: Promise<void> | undefined;
  private rerun = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private retries = 0;
  private closed = false;
  /** The incident `all` folds to, kept until `all` changes: the screen asks after every event. */
  private folded:
    { readonly events: readonly TimelineEvent[]; readonly incident: Incident | undefined } | undefined;

  private constructor(
    file: string,
    events: readonly TimelineEvent[],
    warnings: readonly string[],
    isNew: boolean,
    options: JournalOptions,
  ) {
    this.path = file;
    this.warnings = warnings;
    this.fs = options.fs ?? nodeJournalFs;
    this.retryDelaysMs = options.retryDelaysMs ?? [1000, 2000, 5000, 10_000, 30_000];
    this.all = [...events];
    this.recordedCount = events.length;
    this.snapshot = { recorded: this.recordedCount, pending: 0, error: undefined };
    this.isNewFile = isNew;
    openSet.add(this);
  }

  /** Opens an existing journal, repairing a torn last line. Throws a UserError if it cannot be read. */
  static async open(file: string, options: JournalOptions = {}): Promise<Journal> {
    const fs = options.fs ?? nodeJournalFs;
    const settleMs = options.settleMs ?? 50;
    const settle = () => new Promise<void>((resolve) => setTimeout(resolve, settleMs));
    try {
      const { parsed, warnings } = await openJournalFile(fs, file, settle);
      return new Journal(file, parsed.events, warnings, false, options);
    } catch (error) {
      throw journalError(error, file, 'write');
    }
  }

  /** A new journal whose first event is `first`. Never throws for disk errors: see status(). */
  static async create(file: string, first: TimelineEvent, options: JournalOptions = {}): Promise<Journal> {
    const journal = new Journal(file, [], [], true, options);
    await journal.append(first);
    return journal;
  }

  /**
   * Every event: those read from disk, then those appended here (recorded or still pending). A new
   * array after each append, so it can serve as a snapshot (useSyncExternalStore).
   */
  events(): readonly TimelineEvent[] {
    return this.all;
  }

  /** The incident these events fold to (undefined only for a journal without its first event). */
  incident(): Incident | undefined {
    if (this.folded?.events !== this.all) this.folded = { events: this.all, incident: fold(this.all) };
    return this.folded.incident;
  }

  /** The same object until something changes, so it can serve as a snapshot too. */
  status(): JournalStatus {
    return this.snapshot;
  }

  /** Calls `listener` whenever events() or status() changes; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Appends an event: resolves `{recorded: true}` once its line is written and fsynced, or with
   * the error of the first failed attempt, in which case the event stays queued and is retried.
   * Rejects only for an event that cannot be encoded (a bug) or after close().
   */
  append(event: TimelineEvent): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new Error(`journal ${this.path} is closed`));
    const body = Buffer.from(`${encodeEvent(event)}\n`, 'utf8');
    const before = this.folded?.events === this.all ? this.folded.incident : undefined;
    this.all = [...this.all, event];
    // One event more: the next state from the last one, rather than a fold of all 10,000 again.
    if (before !== undefined) this.folded = { events: this.all, incident: applyEvent(before, event) };
    const result = new Promise<AppendResult>((resolve) => {
      this.queue.push({ body, fragment: 0, settle: resolve });
    });
    this.kick();
    this.notify();
    return result;
  }

  /** Retries pending events now; resolves with the status once this attempt is over. */
  async flush(): Promise<JournalStatus> {
    this.kick();
    await this.draining;
    return this.status();
  }

  /** Stops retrying and closes the file, after one last attempt. Returns the events never written. */
  async close(): Promise<readonly TimelineEvent[]> {
    openSet.delete(this);
    await this.flush();
    this.closed = true;
    clearTimeout(this.retryTimer);
    await this.handle?.close().catch(() => undefined);
    this.handle = undefined;
    return this.all.slice(this.all.length - this.queue.length);
  }

  /** The last write failure, in words; undefined when the last attempt worked. */
  lastFailure(): string | undefined {
    return this.lastError?.message;
  }

  // Starts writing the queue now, or, when a run is already going, makes it go round once more:
  // an append arriving as the loop ends must not be left for the retry timer.
  private kick(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    if (this.draining !== undefined) {
      this.rerun = true;
      return;
    }
    this.draining = this.run();
  }

  private async run(): Promise<void> {
    try {
      do {
        this.rerun = false;
        await this.drain();
      } while (this.rerun && !this.closed);
    } finally {
      this.draining = undefined;
    }
  }

  private async drain(): Promise<void> {
    for (let item = this.queue[0]; item !== undefined && !this.closed; item = this.queue[0]) {
      try {
        await this.write(item);
      } catch (error) {
        this.fail(journalError(error, this.path, 'write'));
        return;
      }
      this.queue.shift();
      this.recordedCount += 1;
      this.lastError = undefined;
      this.retries = 0;
      item.settle?.({ recorded: true });
      this.notify();
    }
  }

  private async write(item: Pending): Promise<void> {
    if (this.handle === undefined) {
      await this.fs.mkdir(path.dirname(this.path));
      this.handle = await this.fs.open(this.path, 'append');
    }
    // After a short write the file ends in a piece of this line: end that piece, then write the
    // whole line again (the reader sets the piece aside), or only the newline if that was all.
    const { body, fragment } = item;
    const data =
      fragment === body.length - 1
        ? Buffer.from('\n')
        : fragment > 0
          ? Buffer.concat([Buffer.from('\n'), body])
          : body;
    const written = await this.handle.write(data);
    if (written < data.length) {
      if (data === body) item.fragment = written;
      else if (data.length > 1 && written > 0) item.fragment = written - 1;
      throw Object.assign(new Error(`short write (${written} of ${data.length} bytes)`), { code: 'ENOSPC' });
    }
    item.fragment = 0;
    // If this fails the line may or may not be on disk; retrying writes it again, and the reader
    // drops a line identical to an earlier one.
    await this.handle.sync();
    if (this.isNewFile) {
      await this.fs.syncDir(path.dirname(this.path));
      this.isNewFile = false;
    }
  }

  private fail(error: UserError): void {
    this.lastError = error;
    for (const item of this.queue) {
      item.settle?.({ recorded: false, error });
      item.settle = undefined;
    }
    // A descriptor that failed may be stale (the folder was replaced, the disk remounted).
    const handle = this.handle;
    this.handle = undefined;
    void handle?.close().catch(() => undefined);
    const delay = this.retryDelaysMs[Math.min(this.retries, this.retryDelaysMs.length - 1)] ?? 30_000;
    this.retries += 1;
    this.retryTimer = setTimeout(() => this.kick(), delay);
    this.retryTimer.unref();
    this.notify();
  }

  private notify(): void {
    this.snapshot = { recorded: this.recordedCount, pending: this.queue.length, error: this.lastError };
    for (const listener of this.listeners) listener();
  }
}
