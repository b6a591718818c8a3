// The workspace header of an alert with no labels besides alertname and severity: no empty part
// between separators.
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/ui/app.js';
import { testAlert } from '../helpers/alerts.js';
import { fakeFeed } from '../helpers/fake-feed.js';
import { fakeServices } from '../helpers/fake-session.js';
import { keys, renderUi, type Rendered } from '../helpers/render.js';

let ui: Rendered | undefined;
afterEach(() => ui?.unmount());

describe('workspace header', () => {
  it('leaves out the labels part when the alert has no labels of its own', async () => {
    const alert = testAlert({ alertname: 'FileGen', severity: 'warning' });
    ui = renderUi(<App services={fakeServices(fakeFeed([alert])).services} />);
    await ui.waitForText('FileGen');
    ui.press(keys.enter);
    const frame = await ui.waitForText('Diagnosis');
    const header = frame.split('\n').find((line) => line.includes('Diagnosis')) ?? '';
    expect(header).toMatch(/^firing since .+ · Diagnosis \d+\/\d+ · Mitigation/);
    expect(header).not.toMatch(/·\s+·/);
  });
});
