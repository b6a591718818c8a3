// Run by session-leak.test.ts with --expose-gc: opens an incident, leaves it as the screen does,
// opens a second one, then collects garbage. A journal left open would make Node print DEP0137
// ("Closing file descriptor N on garbage collection") on stderr.
import { openWorkspaceSession } from '../../src/app/workspace-session.js';
import { testAlert } from '../helpers/alerts.js';
import { sessionDeps } from './session-deps.js';

const dir = process.argv[2] ?? '';
// Bundled into another folder, so the fixture is found from the checkout (the working folder).
const runbookFile = 'test/fixtures/runbooks/seed-HaproxyServerConnectionErrors.md';
const { deps } = sessionDeps(dir, { runbookFile });
const web1 = testAlert({ alertname: 'HaproxyServerConnectionErrors', server: 'web1', severity: 'critical' });
const web2 = testAlert({ alertname: 'HaproxyServerConnectionErrors', server: 'web2', severity: 'critical' });

let first: Awaited<ReturnType<typeof openWorkspaceSession>> | undefined = await openWorkspaceSession(
  [web1],
  deps,
);
await first.close();
first = undefined;
const second = await openWorkspaceSession([web2], deps);
await second.close();
// An open that fails half way (its runbook cannot be read) must close the journal it opened.
const failing = { ...deps, findRunbook: () => Promise.reject(new Error('runbook folder unreadable')) };
const web3 = testAlert({ alertname: 'HaproxyServerConnectionErrors', server: 'web3', severity: 'critical' });
await openWorkspaceSession([web3], failing).catch(() => undefined);
const gc = (globalThis as { gc?: () => void }).gc;
for (let i = 0; i < 5; i += 1) {
  gc?.();
  await new Promise((resolve) => setImmediate(resolve));
}
process.stdout.write(`done ${gc ? 'gc' : 'no-gc'}\n`);
