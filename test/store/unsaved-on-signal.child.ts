// A process for the SIGTERM test: a journal whose writes fail (a full disk) holds one unsaved note;
// the terminal's signal handling rescues it. Prints `ready` once the note is pending.
// Usage: node unsaved.mjs JOURNAL RECOVERY_DIR
import { Journal } from '../../src/store/journal.js';
import { describeUnsaved, rescueOpenJournals } from '../../src/store/journal-rescue.js';
import { enterAlternateScreen } from '../../src/ui/terminal.js';
import { nodeJournalFs, type JournalFs } from '../../src/store/journal-fs.js';

const [file = '', recoveryDir = ''] = process.argv.slice(2);
let full = false;
const fs: JournalFs = {
  ...nodeJournalFs,
  open: async (path, mode) => {
    const handle = await nodeJournalFs.open(path, mode);
    return {
      ...handle,
      write: (data, position) => {
        if (full)
          return Promise.reject(Object.assign(new Error('ENOSPC: no space left'), { code: 'ENOSPC' }));
        return handle.write(data, position);
      },
      sync: () => handle.sync(),
      close: () => handle.close(),
    };
  },
};
const journal = await Journal.create(
  file,
  { at: new Date().toISOString(), type: 'note-added', text: 'first' },
  { fs, retryDelaysMs: [60_000] },
);
full = true;
await journal.append({ at: new Date().toISOString(), type: 'note-added', text: 'kept in memory' });
enterAlternateScreen({
  fd: 2,
  afterRestore: async () => {
    process.stderr.write(describeUnsaved(await rescueOpenJournals(recoveryDir)));
  },
});
process.stdout.write('ready\n');
setInterval(() => undefined, 1_000);
