// The inbox's order as the engineer sees it: group members most severe first, then oldest first,
// then by labels — the same order `sitrep alerts` prints.
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/ui/app.js';
import { testAlert } from '../helpers/alerts.js';
import { fakeFeed } from '../helpers/fake-feed.js';
import { fakeServices } from '../helpers/fake-session.js';
import { renderUi, type Rendered } from '../helpers/render.js';

const now = () => Date.parse('2026-11-26T03:10:00Z');
const member = (server: string, severity: string, startsAt: string) =>
  testAlert({ alertname: 'HaproxyServerDown', server, severity }, { startsAt: `2026-11-26T${startsAt}Z` });

let ui: Rendered | undefined;
afterEach(() => ui?.unmount());

describe('inbox order', () => {
  it('lists an expanded group’s members by severity, then oldest first, then labels', async () => {
    const alerts = [
      member('web4', 'warning', '02:00:00'),
      member('web3', 'critical', '03:05:00'),
      member('web2', 'critical', '02:50:00'),
      member('web9', 'critical', '03:00:00'),
      member('web1', 'critical', '03:00:00'),
    ];
    ui = renderUi(<App services={{ ...fakeServices(fakeFeed(alerts)).services, now }} />);
    await ui.waitForText('5 alerts');
    ui.press(' ');
    const frame = await ui.waitForText('server=web4');
    const servers = frame
      .split('\n')
      .map((line) => /server=(web\d)/.exec(line)?.[1])
      .filter((s) => s !== undefined);
    expect(servers).toEqual(['web2', 'web1', 'web9', 'web3', 'web4']);
  });
});
