// An alert with an empty alertname: the inbox and the workspace name it `-`, as `sitrep alerts` does, rather
// than leaving the title blank.
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/ui/app.js';
import { testAlert } from '../helpers/alerts.js';
import { fakeFeed } from '../helpers/fake-feed.js';
import { fakeServices } from '../helpers/fake-session.js';
import { keys, renderUi, type Rendered } from '../helpers/render.js';

let ui: Rendered | undefined;
afterEach(() => ui?.unmount());

describe('an alert with an empty alertname', () => {
  it('is named `-` in the inbox and titled `-` in the workspace', async () => {
    const alert = testAlert({ alertname: '', instance: 'db1', severity: 'warning' });
    ui = renderUi(<App services={fakeServices(fakeFeed([alert])).services} />);
    const inbox = await ui.waitForText('instance=db1');
    expect(inbox.split('\n').find((line) => line.includes('instance=db1'))).toMatch(/warning\s+-\s+10 min/);
    ui.press(keys.enter);
    const frame = await ui.waitForText('Diagnosis');
    const title = frame.split('\n').find((line) => line.includes('-incident-')) ?? '';
    expect(title).toMatch(/^- · \d{4}-\d\d-\d\d-incident-/);
  });
});
