// The bundle's entry point: wires the real process into main() and exits with its code.
import { mayBeTerminal, processOutput } from './closed-pipe.js';
import { main } from './main.js';

// Node builds process.stdout, stderr and stdin on first use (closed-pipe.ts says what that costs):
// each is touched only when it is needed.
const code = await main(process.argv.slice(2), {
  stdout: processOutput(
    1,
    () => process.stdout,
    () => process.exit(0),
  ),
  stderr: processOutput(
    2,
    () => process.stderr,
    () => undefined,
  ),
  stdinIsTTY: mayBeTerminal(0) && process.stdin.isTTY === true,
  env: process.env,
  cwd: process.cwd(),
  readStdin: readAllStdin,
});
process.exitCode = code;

async function readAllStdin(): Promise<string> {
  let text = '';
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin) text += String(chunk);
  return text;
}
