// E in the workspace: the runbook file goes to $EDITOR (the real terminalEditor, with a script as
// the editor), and when it exits the incident is opened again: the new text's steps show, the
// states of steps kept by id survive, and the message says when it was reloaded.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { terminalEditor } from '../../src/app/editor.js';
import type { UiServices } from '../../src/app/services.js';
import { parseRunbook } from '../../src/core/runbook/parse-runbook.js';
import { runbookOpenedEvent } from '../../src/core/timeline/event-builders.js';
import { App } from '../../src/ui/app.js';
import { testAlert } from '../helpers/alerts.js';
import { fakeFeed } from '../helpers/fake-feed.js';
import { fakeServices, type FakeSession } from '../helpers/fake-session.js';
import { pollFor } from '../helpers/poll.js';
import { keys, renderUi, type Rendered } from '../helpers/render.js';

const alerts = [
  testAlert({ alertname: 'HaproxyServerConnectionErrors', server: 'web1', severity: 'critical' }),
];

let ui: Rendered | undefined;
let dir: string | undefined;
afterEach(async () => {
  ui?.unmount();
  if (dir !== undefined) await fs.rm(dir, { recursive: true, force: true });
});

const runbook = [
  '# HaproxyServerConnectionErrors',
  '',
  '## Diagnosis',
  '',
  '1. Check which servers refuse connections.',
  '2. Look at the HAProxy logs.',
  '',
].join('\n');

/**
 * Opening (and reopening) reads the runbook file again, as the real session does: a new
 * runbook-opened event when its text changed.
 */
function rereading(file: string) {
  return async (session: FakeSession) => {
    const text = await fs.readFile(file, 'utf8');
    const event = runbookOpenedEvent({
      at: '2026-11-26T03:11:00.000Z',
      runbook: parseRunbook(text, { fileName: file }),
      source: { kind: 'file', path: file },
      text,
    });
    if (session.incident().runbook?.textHash !== event.textHash) await session.record(event);
    return Object.assign(session, { runbookFile: file });
  };
}

describe('editing the runbook from the workspace', () => {
  it('hands the file to $EDITOR, then reloads the runbook keeping step states', async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sitrep-edit-'));
    const file = path.join(dir, 'HaproxyServerConnectionErrors.md');
    await fs.writeFile(file, runbook);
    const screen: string[] = [];
    const base = fakeServices(fakeFeed(alerts));
    const reread = rereading(file);
    const services: UiServices = {
      ...base.services,
      openIncident: (a) => base.services.openIncident(a).then((s) => reread(s as FakeSession)),
      resumeIncident: (id) => base.services.resumeIncident(id).then((s) => reread(s as FakeSession)),
      editFile: terminalEditor(
        {
          PATH: process.env.PATH,
          EDITOR: `sh -c 'printf "3. Restart the health checker.\\n" >> "$1"' editor`,
        },
        { suspend: () => screen.push('suspend'), resume: () => screen.push('resume') },
      ),
    };
    ui = renderUi(<App services={services} />);
    await ui.waitForText('HaproxyServerConnectionErrors');
    ui.press(keys.enter);
    await ui.waitForText('D2 Look at the HAProxy logs.');
    ui.press('jd');
    await ui.waitForText('✓ D1');
    ui.press('E');
    const frame = await ui.waitForText('D3 Restart the health checker.');
    expect(frame).toContain('✓ D1');
    await ui.waitForText('Runbook reloaded at 2026-11-26 03:10:00.');
    expect(screen).toEqual(['suspend', 'resume']);
    const events = base.opened[0]?.events.filter((e) => e.type === 'runbook-opened') ?? [];
    expect(events).toHaveLength(3);
  });

  it('says the runbook is reloaded only once the new text shows (a slow reopen under load)', async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sitrep-edit-'));
    const file = path.join(dir, 'HaproxyServerConnectionErrors.md');
    await fs.writeFile(file, runbook);
    const base = fakeServices(fakeFeed(alerts));
    let reopen: () => void = () => undefined;
    let edited = false;
    const reopened = new Promise<void>((resolve) => (reopen = resolve));
    const reread = rereading(file);
    const services: UiServices = {
      ...base.services,
      openIncident: (a) => base.services.openIncident(a).then((s) => reread(s as FakeSession)),
      // Reopening waits until the test lets it go.
      resumeIncident: (id) =>
        reopened.then(() => base.services.resumeIncident(id)).then((s) => reread(s as FakeSession)),
      editFile: (f) =>
        terminalEditor(
          {
            PATH: process.env.PATH,
            EDITOR: `sh -c 'printf "3. Restart the health checker.\\n" >> "$1"' editor`,
          },
          { suspend: () => undefined, resume: () => undefined },
        )(f).then((result) => {
          edited = true;
          return result;
        }),
    };
    ui = renderUi(<App services={services} />);
    await ui.waitForText('HaproxyServerConnectionErrors');
    ui.press(keys.enter);
    await ui.waitForText('D2 Look at the HAProxy logs.');
    ui.press('E');
    // The editor has run, the reopen has not: the screen must not claim a reload yet. (Before the
    // fix it did at once, with the old text on screen.) A negative, so it watches for a while.
    await pollFor(() => edited, Boolean, { timeoutMs: 10_000, intervalMs: 5, describe: () => 'no edit' });
    const early = await ui.waitForText('Runbook reloaded', { timeout: 500 }).catch(() => undefined);
    expect(early).toBeUndefined();
    reopen();
    const frame = await ui.waitForText('Runbook reloaded at 2026-11-26 03:10:00.');
    expect(frame).toContain('D3 Restart the health checker.');
  });

  it('says so when the runbook is not a file', async () => {
    const { services } = fakeServices(fakeFeed(alerts));
    ui = renderUi(<App services={services} />);
    await ui.waitForText('HaproxyServerConnectionErrors');
    ui.press(keys.enter);
    await ui.waitForText('Meaning:');
    ui.press('E');
    await ui.waitForText('The runbook is not a file here: nothing to edit.');
  });
});
