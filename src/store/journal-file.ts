// One incident journal file on disk: read it (setting aside what cannot be read), repair a torn
// last line, and turn disk errors into messages for people.
//
// Why this is safe with two sitrep processes on one incident and without a lock: every event is
// one write(2) of a whole line on a descriptor opened with O_APPEND, so on a local Linux file
// system lines from two writers never interleave (the kernel holds the inode lock for the write).
// A line can only be torn when its writer dies mid-write (SIGKILL between pages, power loss) or
// the disk fills mid-write. The reader recovers a whole record glued behind a torn fragment, and
// the repair below never truncates or rewrites: it blanks the fragment's own bytes in place and
// ends the line, so a concurrent append past it is untouched.
import { errorMessage, ExitCode, UserError } from '../core/errors.js';
import { parseJournal, type ParsedJournal } from '../core/timeline/journal-codec.js';
import { errorCode, type JournalFs } from './journal-fs.js';

/** A journal read from disk. */
export interface JournalContents {
  readonly parsed: ParsedJournal;
  /** Things the user should know (lines set aside, repairs made). */
  readonly warnings: readonly string[];
}

/** Reads a journal without changing it. A missing file reads as empty. */
export async function readJournalFile(fs: JournalFs, path: string): Promise<JournalContents> {
  const parsed = parseBytes(path, await readOrEmpty(fs, path));
  return { parsed, warnings: parsed.warnings.map((w) => `${path}: ${w}`) };
}

// `sitrep resume` reads the journal to check it before the screen opens, the screen lists the
// incidents (reading it again) and then opens it to append: the same bytes parsed three times
// (10,000 events each). parseJournal is pure and its result is never changed, so the last file
// read keeps its parse for as long as its bytes stay the same: one journal's worth of memory.
let lastRead: { readonly path: string; readonly bytes: Buffer; readonly parsed: ParsedJournal } | undefined;

function parseBytes(path: string, bytes: Buffer): ParsedJournal {
  if (lastRead !== undefined && lastRead.path === path && lastRead.bytes.equals(bytes))
    return lastRead.parsed;
  const parsed = parseJournal(bytes.toString('utf8'));
  lastRead = { path, bytes, parsed };
  return parsed;
}

/**
 * Reads a journal about to be written to, and repairs its end: a torn last line is copied to
 * `<path>.torn`, blanked in place, and the line ended, so the next event starts on its own line.
 * A tail that is still growing (another process mid-write) is waited for, not repaired.
 */
export async function openJournalFile(
  fs: JournalFs,
  path: string,
  settle: () => Promise<void>,
): Promise<JournalContents> {
  let bytes = await readOrEmpty(fs, path);
  for (let attempt = 0; attempt < 5 && bytes.length > 0 && bytes.at(-1) !== 0x0a; attempt += 1) {
    await settle();
    const again = await readOrEmpty(fs, path);
    if (again.length === bytes.length) break;
    bytes = again;
  }
  const parsed = parseBytes(path, bytes);
  const warnings = parsed.warnings.map((w) => `${path}: ${w}`);
  if (bytes.length === 0 || bytes.at(-1) === 0x0a) return { parsed, warnings };

  const tailStart = bytes.lastIndexOf(0x0a) + 1;
  const tail = parsed.tornTail?.trim();
  // Blank the tail only when nothing in it could be read (a record glued behind a fragment stays).
  if (tail !== undefined && parsed.rejected.some((r) => r.text === tail)) {
    const sidecar = `${path}.torn`;
    await appendDurably(fs, sidecar, Buffer.concat([bytes.subarray(tailStart), Buffer.from('\n')]));
    const handle = await fs.open(path, 'update');
    try {
      await handle.write(Buffer.alloc(bytes.length - tailStart, 0x20), tailStart);
      await handle.sync();
    } finally {
      await handle.close();
    }
    warnings.push(`${path}: the last line was torn by an interrupted write; it was set aside in ${sidecar}`);
  }
  // End the line (a whole last event that only lacked its newline is kept as it is).
  await appendDurably(fs, path, Buffer.from('\n'));
  return { parsed, warnings };
}

async function appendDurably(fs: JournalFs, path: string, data: Buffer): Promise<void> {
  const handle = await fs.open(path, 'append');
  try {
    const written = await handle.write(data);
    if (written !== data.length) throw Object.assign(new Error('short write'), { code: 'ENOSPC' });
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function readOrEmpty(fs: JournalFs, path: string): Promise<Buffer> {
  try {
    return await fs.readFile(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return Buffer.alloc(0);
    throw journalError(error, path, 'read');
  }
}

/** A disk error as a UserError that says what happened and what to do. */
export function journalError(error: unknown, path: string, action: 'read' | 'write'): UserError {
  if (error instanceof UserError) return error;
  const code = errorCode(error);
  const keep = 'sitrep keeps unwritten events in memory and retries them.';
  const where = `Set XDG_DATA_HOME to a writable place, or fix the folder.`;
  const options = { exitCode: ExitCode.failure, cause: error };
  switch (code ?? '') {
    case 'ENOSPC':
    case 'EDQUOT':
      return new UserError(`the disk is full: could not ${action} the incident journal ${path}`, {
        ...options,
        hint: `Free some space. ${keep}`,
      });
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new UserError(
        `cannot ${action} the incident journal ${path}: ${code === 'EROFS' ? 'read-only file system' : 'permission denied'}`,
        { ...options, hint: `${where} ${keep}` },
      );
    case 'ENOTDIR':
    case 'EISDIR':
      return new UserError(
        `cannot ${action} the incident journal ${path}: a path component is not a folder`,
        {
          ...options,
          hint: where,
        },
      );
    default: {
      const detail = errorMessage(error);
      return new UserError(`could not ${action} the incident journal ${path}: ${detail}`, {
        ...options,
        hint: keep,
      });
    }
  }
}
