// A JournalFs over the real one that fails on demand, as a full disk or a read-only folder would.
import { nodeJournalFs, type JournalFs } from '../../src/store/journal-fs.js';

type Operation = 'mkdir' | 'open' | 'write' | 'sync';

/** The real file system, with failures queued per operation. */
export class FaultyFs {
  readonly calls: string[] = [];
  private readonly failures = new Map<Operation, string[]>();
  private shortWrites: number[] = [];

  /** Makes the next `times` calls of `op` fail with this errno code. */
  fail(op: Operation, code: string, times = 1): void {
    this.failures.set(op, [...(this.failures.get(op) ?? []), ...Array<string>(times).fill(code)]);
  }

  /** Makes the next write put only its first `bytes` bytes on disk and report that. */
  shortWrite(bytes: number): void {
    this.shortWrites.push(bytes);
  }

  private check(op: Operation): void {
    this.calls.push(op);
    const code = this.failures.get(op)?.shift();
    if (code !== undefined) throw Object.assign(new Error(`${code}: injected ${op} failure`), { code });
  }

  readonly fs: JournalFs = {
    mkdir: async (path) => {
      this.check('mkdir');
      return nodeJournalFs.mkdir(path);
    },
    readFile: (path) => nodeJournalFs.readFile(path),
    readdir: (path) => nodeJournalFs.readdir(path),
    size: (path) => nodeJournalFs.size(path),
    syncDir: (path) => nodeJournalFs.syncDir(path),
    open: async (path, mode) => {
      this.check('open');
      const handle = await nodeJournalFs.open(path, mode);
      return {
        write: async (data, position) => {
          this.check('write');
          const short = this.shortWrites.shift();
          if (short !== undefined) return handle.write(data.subarray(0, short), position);
          return handle.write(data, position);
        },
        sync: async () => {
          this.check('sync');
          return handle.sync();
        },
        close: () => handle.close(),
      };
    },
  };
}
