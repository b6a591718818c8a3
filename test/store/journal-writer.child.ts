// A separate process for the crash-safety and two-writer tests: opens an existing journal and
// appends notes, printing `ack <seq>` only after each append resolved as recorded (written and
// fsynced). Bundled to .mjs by the test with esbuild, since node cannot run TypeScript.
// Usage: node journal-writer.mjs FILE WRITER COUNT [--wait]   (COUNT 0 = until killed)
// With --wait it prints `ready` once the journal is open and starts at the first line on stdin,
// so two writers can be started together.
import { once } from 'node:events';
import { Journal } from '../../src/store/journal.js';

const [file = '', writer = 'w', countText = '0', wait] = process.argv.slice(2);
const count = Number(countText);
const journal = await Journal.open(file, { settleMs: 5 });
if (wait === '--wait') {
  process.stdout.write('ready\n');
  await once(process.stdin, 'data');
  process.stdin.destroy();
}

// Mostly small lines, some over a page and some of many pages, so a kill can land mid-write.
function padding(seq: number): string {
  if (seq % 7 === 0) return 'x'.repeat(300_000);
  if (seq % 3 === 0) return 'y'.repeat(6_000);
  return '';
}

for (let seq = 1; count === 0 || seq <= count; seq += 1) {
  const text = `${writer}-${seq} ${padding(seq)}`;
  const result = await journal.append({ at: new Date().toISOString(), type: 'note-added', text });
  if (!result.recorded) {
    process.stderr.write(`${result.error.message}\n`);
    process.exit(1);
  }
  process.stdout.write(`ack ${seq}\n`);
}
await journal.close();
