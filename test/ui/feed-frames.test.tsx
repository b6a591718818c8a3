import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { sanitizeText } from '../../src/core/sanitize.js';
import { App } from '../../src/ui/app.js';
import { sampleAlerts, testAlert } from '../helpers/alerts.js';
import { fakeFeed, okSource } from '../helpers/fake-feed.js';
import { fakeServices } from '../helpers/fake-session.js';
import { pollFor } from '../helpers/poll.js';

const now = () => Date.parse('2026-11-26T03:10:00Z');
const wait = { timeoutMs: 10_000, intervalMs: 5, describe: (f: string) => `last frame:\n${f}` };
let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

describe('a feed publish on the inbox', () => {
  it('is drawn in one frame that shows the new counts and the new rows together', async () => {
    const feed = fakeFeed(sampleAlerts());
    const instance = render(<App services={{ ...fakeServices(feed).services, now }} />);
    unmount = () => instance.unmount();
    const last = () => sanitizeText(instance.lastFrame() ?? '');
    await pollFor(last, (f) => f.includes('DiskFull'), wait);
    const before = instance.frames.length;

    const alerts = [...sampleAlerts(), testAlert({ alertname: 'BrandNewAlert', severity: 'critical' })];
    feed.set({ alerts, sources: [okSource('am', alerts.length)] });
    await pollFor(last, (f) => f.includes('BrandNewAlert'), wait);

    // The reducer used to get the new list in an effect after the snapshot's render: a first
    // frame with the header's new count over the old rows, then a second one.
    const drawn = instance.frames.slice(before).map(sanitizeText);
    expect(drawn).toHaveLength(1);
    expect(drawn[0]).toContain('4 critical');
    expect(drawn[0]).toContain('BrandNewAlert');
  });
});

describe('a clock tick on the inbox', () => {
  it('is drawn in one frame', async () => {
    // The clock moves only when the test moves it; the screen reads it once a second.
    let t = Date.parse('2026-11-26T03:10:00Z');
    const feed = fakeFeed(sampleAlerts());
    const instance = render(<App services={{ ...fakeServices(feed).services, now: () => t }} />);
    unmount = () => instance.unmount();
    const last = () => sanitizeText(instance.lastFrame() ?? '');
    const first = await pollFor(last, (f) => f.includes('DiskFull'), wait);
    t += 3_600_000;
    const ticked = await pollFor(last, (f) => f !== first, wait);
    // The next tick, a second later: by then every frame of the first one is drawn.
    t += 3_600_000;
    await pollFor(last, (f) => f !== ticked, wait);

    // The tick used to reach the reducer from an effect: a second, identical frame after the first.
    expect(instance.frames.filter((f) => sanitizeText(f) === ticked)).toHaveLength(1);
  });
});
