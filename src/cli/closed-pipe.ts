// `sitrep alerts | head -1`: the reader closing the pipe is the normal end of a pipeline, not an
// error. Like `git log | head`, sitrep then stops quietly; unlike it, with exit 0 (not 141), so a
// script's `set -o pipefail` does not fail on a `head`.
import fs from 'node:fs';
import { writeFully } from '../store/write-file.js';

/** A stream that reports a closed pipe as an 'error' event (process.stdout, process.stderr). */
interface EventStream {
  on(event: 'error', listener: (error: Error & { code?: string }) => void): unknown;
}

// Calls `closed` when the stream's reader goes away; any other stream error is rethrown as before.
function onClosedPipe(stream: EventStream, closed: () => void): void {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
    closed();
  });
}

/** What a command writes to (CommandContext's stdout and stderr). */
export interface Output {
  write(chunk: string | Uint8Array): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
  /** After a write returned false, calls `listener` once the reader has caught up. */
  once?(event: 'drain', listener: () => void): unknown;
}

/** Past this many bytes an output goes through Node's stream (process.stdout), as it always did. */
export const directLimit = 64 * 1024;

/**
 * process.stdout or process.stderr as a command writes to it, with a closed pipe handled as
 * the header says (stdout ends the process, a closed stderr is ignored). Node builds process.stdout the first time it is touched, and on a
 * pipe or a socket that loads its stream and net modules (2-3 ms of CPU): a command that prints a
 * little (`--version`, an error, a short list) writes its first `directLimit` bytes straight to the
 * file descriptor instead, and Node's stream is made only when the output grows past that, or when
 * the descriptor would block (a non-blocking pipe). A terminal (or any character device) gets
 * Node's stream at once, as before: the screen and the table's width need it.
 */
export function processOutput(fd: 1 | 2, stream: () => NodeJS.WriteStream, closed: () => void): Output {
  if (mayBeTerminal(fd)) {
    const real = stream();
    onClosedPipe(real, closed);
    return real;
  }
  let real: NodeJS.WriteStream | undefined;
  let ended = false;
  let written = 0;
  const viaStream = (): NodeJS.WriteStream => {
    if (!real) {
      real = stream();
      onClosedPipe(real, closed);
    }
    return real;
  };
  return {
    write(chunk: string | Uint8Array): boolean {
      if (ended) return false;
      if (real || written + chunk.length > directLimit) return viaStream().write(chunk);
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      written += bytes.length;
      try {
        // What a non-blocking pipe could not take now follows through Node's stream.
        const rest = writeFully(fd, bytes);
        if (rest !== undefined) return viaStream().write(rest);
      } catch (error) {
        if ((error as { code?: string }).code !== 'EPIPE') throw error;
        ended = true;
        closed();
      }
      return true;
    },
    once(event: 'drain', listener: () => void): void {
      // Only Node's stream ever asks its writer to wait.
      if (real && !ended) real.once(event, listener);
      else listener();
    },
  };
}

/**
 * Whether the descriptor may be a terminal: a character device, or one that cannot be examined
 * (closed). Asking Node's own isatty would load the modules this file spares.
 */
export function mayBeTerminal(fd: 0 | 1 | 2): boolean {
  try {
    return fs.fstatSync(fd).isCharacterDevice();
  } catch {
    return true;
  }
}
