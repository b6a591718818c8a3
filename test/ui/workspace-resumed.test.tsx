// `sitrep resume` builds the incident's session while the screen's code loads: when it is ready by
// the time the screen mounts, the first frame already holds the checklist (no "Opening the
// incident" frame first), and once everything has answered the screen is the same as when the
// session opens after the first frame.
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/ui/app.js';
import { sampleAlerts } from '../helpers/alerts.js';
import { fakeFeed } from '../helpers/fake-feed.js';
import { fakeServices, fakeSession, type FakeSession } from '../helpers/fake-session.js';
import { renderUi, type Rendered } from '../helpers/render.js';

const alerts = sampleAlerts();
const web1 = alerts.filter((a) => a.labels['server'] === 'web1');

const rendered: Rendered[] = [];
afterEach(() => {
  for (const ui of rendered.splice(0)) ui.unmount();
});

/** A session with a past that answers at once, counting how often it is asked. */
function sessionWithPast(): FakeSession & { pastAsked: () => number } {
  const session = fakeSession(web1);
  let asked = 0;
  session.alertPast = () => {
    asked += 1;
    return Promise.resolve({
      history: 'Fired once in the last 7 days.',
      report: undefined,
      lastTime: undefined,
    });
  };
  return Object.assign(session, { pastAsked: () => asked });
}

/** Resumes `session`: handed to the screen opened already, or opened by the screen's intent. */
function resume(session: FakeSession, how: 'opened already' | 'opened by the screen') {
  const { services } = fakeServices(fakeFeed(alerts));
  let askedToResume = 0;
  const counted = {
    ...services,
    resumeIncident: () => {
      askedToResume += 1;
      return Promise.resolve(session);
    },
  };
  const ui = renderUi(
    <App services={counted} resumeId={session.id} resumed={how === 'opened already' ? session : undefined} />,
  );
  rendered.push(ui);
  return { ui, askedToResume: () => askedToResume };
}

/** The screen once the alert's past and the first step's probe have answered. */
const settled = (ui: Rendered) =>
  ui.waitForFrame((f) => f.includes('Fired once in the last 7 days.') && f.includes('152 req/s'));

describe('resume with the session opened before the screen', () => {
  it('draws the checklist in the first frame, without asking for the session again', async () => {
    const session = sessionWithPast();
    const { ui, askedToResume } = resume(session, 'opened already');
    const first = ui.frame();
    expect(first).toContain('D1 Check which servers refuse connections.');
    expect(first).not.toContain('Opening the incident');
    await settled(ui);
    expect(askedToResume()).toBe(0);
  });

  it('ends on the same screen as a session opened after the first frame, its past and probes asked once', async () => {
    const early = sessionWithPast();
    const late = sessionWithPast();
    const a = resume(early, 'opened already');
    const b = resume(late, 'opened by the screen');
    const [withEarly, withLate] = await Promise.all([settled(a.ui), settled(b.ui)]);
    expect(withEarly).toBe(withLate);
    expect(early.pastAsked()).toBe(1);
    expect(late.pastAsked()).toBe(1);
    expect(early.probeRunCount).toBe(late.probeRunCount);
    expect(early.probeRunCount).toBe(1);
  });

  it('follows the journal from the start: a note added after the first frame shows', async () => {
    const session = sessionWithPast();
    const { ui } = resume(session, 'opened already');
    await settled(ui);
    await session.record({ type: 'note-added', at: '2026-11-26T03:09:00.000Z', text: 'looked at web1' });
    ui.press('t');
    await ui.waitForText('looked at web1');
  });
});
