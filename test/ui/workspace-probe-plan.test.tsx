// `sitrep resume` draws the checklist before the slow parts answer: the workspace is the first
// screen (no inbox drawn for nothing), its steps show while the alert rule lookup is pending, and
// the probes join when it answers, the screen then as it would have opened with them.
import { afterEach, describe, expect, it } from 'vitest';
import type { ProbePlan } from '../../src/app/services.js';
import { App } from '../../src/ui/app.js';
import { sampleAlerts } from '../helpers/alerts.js';
import { fakeFeed } from '../helpers/fake-feed.js';
import { alertProbe, fakeServices, fakeSession } from '../helpers/fake-session.js';
import { keys, renderUi, type Rendered } from '../helpers/render.js';

const alerts = sampleAlerts();
const web1 = alerts.filter((a) => a.labels['server'] === 'web1');

let ui: Rendered | undefined;
afterEach(() => ui?.unmount());

/** Resumes a session whose probes wait for `plan`; counts the inbox's incident lists. */
function resumeWithPendingRule() {
  const { services } = fakeServices(fakeFeed(alerts));
  // The fake counts its probe runs on itself: `base` is what the test reads them from.
  const base = fakeSession(web1);
  const pending = { ...base, probeSteps: [] };
  let answer: (plan: ProbePlan) => void = () => undefined;
  const session = Object.assign(pending, {
    probePlan: new Promise<ProbePlan>((resolve) => {
      answer = resolve;
    }),
  });
  let listed = 0;
  const counted = {
    ...services,
    resumeIncident: () => Promise.resolve(session),
    openIncidents: () => {
      listed += 1;
      return services.openIncidents();
    },
  };
  ui = renderUi(<App services={counted} resumeId={session.id} />);
  return { ui, session: base, answer: (plan: ProbePlan) => answer(plan), listed: () => listed };
}

describe('resume: the checklist first, the probes when the alert rule answers', () => {
  it('shows the steps while the rule lookup is pending, saying the probes wait for it', async () => {
    const { ui, session, answer } = resumeWithPendingRule();
    const frame = await ui.waitForText('D1 Check which servers refuse connections.');
    expect(frame).toContain('Probes: waiting for the alert rule from Prometheus…');
    expect(frame).not.toContain('No probes on this step.');
    expect(frame).not.toContain('Alert expression');
    expect(session.probeRunCount).toBe(0);
    answer({ probeSteps: [alertProbe(152).step], volatileLabels: [], problems: [] });
    // As if opened with them: the alert expression first and focused, its probe run at once.
    const after = await ui.waitForText('152 req/s');
    expect(after).toMatch(/›.*Alert expression/);
    expect(after).not.toContain('Probes: waiting');
    expect(session.probeRunCount).toBe(1);
  });

  it('keeps the cursor on the step it was moved to when the probes arrive', async () => {
    const { ui, session, answer } = resumeWithPendingRule();
    await ui.waitForText('D1 Check which servers refuse connections.');
    ui.press('j');
    await ui.waitForText('› ○ D2');
    answer({
      probeSteps: [alertProbe(152).step],
      volatileLabels: [],
      problems: ['Alert rule lookup failed: x'],
    });
    const frame = await ui.waitForText('Alert expression');
    expect(frame).toContain('› ○ D2');
    expect(frame).toContain('(1 problem: Alert rule lookup failed');
    // The focused step has no probes: none ran for a step not focused.
    expect(session.probeRunCount).toBe(0);
  });

  it('asks for the alert’s past only once the checklist is on screen', async () => {
    const { services } = fakeServices(fakeFeed(alerts));
    const session = fakeSession(web1);
    const seenWhenAsked: string[] = [];
    session.alertPast = () => {
      seenWhenAsked.push(ui?.frame() ?? '');
      return Promise.resolve({
        history: 'Fired once in the last 7 days.',
        report: undefined,
        lastTime: undefined,
      });
    };
    ui = renderUi(
      <App
        services={{ ...services, resumeIncident: () => Promise.resolve(session) }}
        resumeId={session.id}
      />,
    );
    await ui.waitForText('Fired once in the last 7 days.');
    expect(seenWhenAsked).toHaveLength(1);
    expect(seenWhenAsked[0]).toContain('D1 Check which servers refuse connections.');
  });

  it('starts on the workspace and lists the incidents only when going back to the inbox', async () => {
    const { ui, listed } = resumeWithPendingRule();
    // The first frame, drawn as the screen mounts: the workspace opening, not the inbox.
    const first = ui.frame();
    expect(first).toContain('Opening the incident');
    expect(first).not.toContain('DiskFull');
    await ui.waitForText('D1 Check which servers refuse connections.');
    expect(listed()).toBe(0);
    ui.press(keys.escape);
    await ui.waitForText('DiskFull');
    await expect.poll(listed).toBe(1);
  });

  it('drops the rule’s volatile labels from a silence drawn before the rule answered, unless edited', async () => {
    // The dialog's line of matchers (the probe rows show the alert's labels too).
    const matchers = (frame: string) => frame.split('\n').find((l) => l.includes('alertname="')) ?? '';
    const confirmBeforeRule = async () => {
      const started = resumeWithPendingRule();
      await started.ui.waitForText('D1 Check which servers refuse connections.');
      started.ui.press('S');
      await started.ui.waitForText('Silence for how long?');
      started.ui.press(keys.enter);
      await started.ui.waitForText('Why silence it?');
      started.ui.press('draining web1', keys.enter);
      expect(matchers(await started.ui.waitForText('Create this silence'))).toContain('server="web1"');
      return started;
    };
    // `server` stands for a label templated from the value: the default line loses it.
    const untouched = await confirmBeforeRule();
    untouched.answer({ probeSteps: [alertProbe(152).step], volatileLabels: ['server'], problems: [] });
    await untouched.ui.waitForText('Alert expression');
    await expect.poll(() => matchers(untouched.ui.frame())).not.toContain('server="web1"');
    expect(matchers(untouched.ui.frame())).toContain('alertname="HaproxyServerConnectionErrors"');
    untouched.ui.unmount();
    // A line the user typed into is theirs: it stays as they left it.
    const edited = await confirmBeforeRule();
    edited.ui.press(',');
    await edited.ui.waitForText('server="web1",');
    edited.answer({ probeSteps: [alertProbe(152).step], volatileLabels: ['server'], problems: [] });
    await edited.ui.waitForText('Alert expression');
    expect(matchers(edited.ui.frame())).toContain('server="web1",');
  });
});
