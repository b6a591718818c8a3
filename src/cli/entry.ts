// The bundle's entry point: wires the real process into main() and exits with its code.
import { endQuietlyOnClosedPipe } from './closed-pipe.js';
import { main } from './main.js';

endQuietlyOnClosedPipe(process.stdout, process.stderr, () => process.exit(0));

const code = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdinIsTTY: process.stdin.isTTY === true,
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
