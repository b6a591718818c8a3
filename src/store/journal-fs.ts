// The few file operations the journal needs, behind an interface so tests can make any of them
// fail (a full disk, a read-only directory) without needing a real one.
import fs from 'node:fs/promises';

/** An open journal file. */
export interface JournalHandle {
  /** One write(2) of `data` (at `position` if given, else at the end for append handles); bytes written. */
  write(data: Uint8Array, position?: number): Promise<number>;
  /** fsync(2): returns once the data is on disk. */
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** File system operations used by the journal store. Errors carry Node's `code` (ENOSPC, …). */
export interface JournalFs {
  mkdir(path: string): Promise<void>;
  readFile(path: string): Promise<Buffer>;
  readdir(path: string): Promise<string[]>;
  /** Size in bytes; throws ENOENT when missing. */
  size(path: string): Promise<number>;
  /** `append`: O_WRONLY|O_APPEND|O_CREAT. `update`: O_RDWR on an existing file, for in-place repair. */
  open(path: string, mode: 'append' | 'update'): Promise<JournalHandle>;
  /** fsync a directory so a newly created file's name is durable too. */
  syncDir(path: string): Promise<void>;
}

/** The real file system. */
export const nodeJournalFs: JournalFs = {
  async mkdir(path) {
    await fs.mkdir(path, { recursive: true, mode: 0o700 });
  },
  readFile: (path) => fs.readFile(path),
  readdir: (path) => fs.readdir(path),
  async size(path) {
    return (await fs.stat(path)).size;
  },
  async open(path, mode) {
    const handle = await fs.open(path, mode === 'append' ? 'a' : 'r+', 0o600);
    return {
      async write(data, position) {
        const { bytesWritten } = await handle.write(data, 0, data.length, position ?? null);
        return bytesWritten;
      },
      sync: () => handle.sync(),
      close: () => handle.close(),
    };
  },
  async syncDir(path) {
    const handle = await fs.open(path, 'r');
    try {
      await handle.sync();
    } catch {
      // Some file systems cannot fsync a directory (EINVAL); the file's own fsync still holds.
    } finally {
      await handle.close();
    }
  },
};

/** Node's error code (`ENOSPC`, `ENOENT`, …) of a thrown value, if it has one. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
