// `sitrep alerts | head -1`: the reader closing the pipe is the normal end of a pipeline, not an
// error. Like `git log | head`, sitrep then stops quietly; unlike it, with exit 0 (not 141), so a
// script's `set -o pipefail` does not fail on a `head`.

/** A stream that reports a closed pipe as an 'error' event (process.stdout, process.stderr). */
interface EventStream {
  on(event: 'error', listener: (error: Error & { code?: string }) => void): unknown;
}

/**
 * Ends the process with `exit` when stdout's reader goes away; a closed stderr is ignored (there is
 * nowhere left to say anything). Any other stream error is rethrown as before.
 */
export function endQuietlyOnClosedPipe(stdout: EventStream, stderr: EventStream, exit: () => void): void {
  stdout.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
    exit();
  });
  stderr.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
  });
}
