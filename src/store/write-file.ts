// Writing text to disk as it is made: `sitrep export -o FILE` of a 10,000-event incident never
// holds the whole document, and FILE is replaced only once the document is complete, so an error
// while making it leaves the old FILE as it was.
import fs from 'node:fs';
import path from 'node:path';
import { errorMessage, UserError } from '../core/errors.js';

/**
 * Writes all of `chunk` to the descriptor, in as many writes as it takes (a pipe or a device may
 * take part of one). Returns the bytes it could not write because the descriptor would block
 * (EAGAIN: a non-blocking pipe that is full); nothing for a regular file, which never blocks.
 * Any other error is thrown.
 */
export function writeFully(fd: number, chunk: string | Uint8Array): Uint8Array | undefined {
  let rest: Uint8Array | undefined;
  try {
    if (typeof chunk === 'string') {
      // A string goes to the descriptor as it is: most writes are whole, with no copy as bytes.
      const written = fs.writeSync(fd, chunk);
      if (written === Buffer.byteLength(chunk)) return undefined;
      rest = Buffer.from(chunk).subarray(written);
    } else rest = chunk;
    while (rest.length > 0) rest = rest.subarray(fs.writeSync(fd, rest));
    return undefined;
  } catch (error) {
    if ((error as { code?: string }).code !== 'EAGAIN') throw error;
    return rest ?? Buffer.from(chunk);
  }
}

/**
 * Writes the text to `file` as it is made, as writeFile would write it joined: into a temporary
 * file beside it (beside the file a symbolic link points to: the link stays) that is renamed over
 * `file` once the last piece is written. On any error the temporary file is removed and `file` is
 * left as it was. An existing file keeps its permissions; a new one gets the usual (0666 less the
 * umask). What is not a regular file (a device such as /dev/stdout, a named pipe) is written to
 * as it is, as writeFile would. A file that cannot be written is a UserError naming it; an error
 * thrown by `pieces` itself (a bug in making the text) is thrown as it is.
 */
export function replaceFile(file: string, pieces: Iterable<string>): void {
  const existing = onDisk(file, () => regularFile(file));
  if (existing === undefined) {
    const fd = onDisk(file, () => fs.openSync(file, 'w'));
    writeAndClose(file, fd, pieces);
    return;
  }
  const { target, mode } = existing;
  // Unique per run: one left by a killed export never blocks the next ('wx' refuses a file there).
  const unique = `${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${unique}.tmp`);
  const fd = onDisk(file, () => fs.openSync(temporary, 'wx', mode ?? 0o666));
  try {
    // The umask narrows the mode a file is created with: an existing file's is set as it was.
    if (mode !== undefined) onDisk(file, () => fs.fchmodSync(fd, mode));
    writeAndClose(file, fd, pieces);
    onDisk(file, () => fs.renameSync(temporary, target));
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

function writeAndClose(file: string, fd: number, pieces: Iterable<string>): void {
  try {
    for (const piece of pieces)
      onDisk(file, () => {
        // A descriptor opened here blocks, so nothing is left over; if something were, the file
        // would be short, which is a failure to say, never a success.
        if (writeFully(fd, piece) !== undefined) throw new Error('the file took only part of the text');
      });
  } catch (error) {
    try {
      fs.closeSync(fd);
    } catch {
      // The first error is the one to report.
    }
    throw error;
  }
  onDisk(file, () => fs.closeSync(fd));
}

/**
 * The regular file to replace (a symbolic link's target) and its permission bits, or the path
 * and no mode when nothing is there; undefined for anything else (a device, a named pipe, a
 * folder, a link to nothing), which is written to as it is.
 */
function regularFile(file: string): { target: string; mode?: number } | undefined {
  try {
    const stats = fs.statSync(file);
    return stats.isFile() ? { target: fs.realpathSync(file), mode: stats.mode & 0o7777 } : undefined;
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOENT') throw error;
  }
  // Nothing there, or a link to nothing (opening it creates its target, as before).
  return fs.lstatSync(file, { throwIfNoEntry: false }) === undefined ? { target: file } : undefined;
}

function onDisk<T>(file: string, action: () => T): T {
  try {
    return action();
  } catch (error) {
    throw new UserError(`could not write ${file}: ${errorMessage(error)}`, { cause: error });
  }
}
