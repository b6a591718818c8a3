// Copy and open in the workspace: y/c/Y put the focused step's query, command or graph link on the
// clipboard through OSC 52 (the real terminalClipboard over a recording TTY stream), and o lists
// every link whole; ⏎ opens the chosen one, or says why it cannot.
import { afterEach, describe, expect, it } from 'vitest';
import { terminalClipboard } from '../../src/app/clipboard.js';
import { platformOpener } from '../../src/app/opener.js';
import type { UiServices } from '../../src/app/services.js';
import { graphRange, graphUrl } from '../../src/core/export/mermaid.js';
import { App } from '../../src/ui/app.js';
import { sampleAlerts } from '../helpers/alerts.js';
import { fakeFeed } from '../helpers/fake-feed.js';
import { fakeServices, type FakeSession } from '../helpers/fake-session.js';
import { keys, renderUi, type Rendered } from '../helpers/render.js';

const alerts = sampleAlerts();
const query = 'sum by (server) (rate(haproxy_server_connection_errors_total[1m]))';
const command = 'echo "set server <backend>/<server> state maint" | socat stdio /run/haproxy/admin.sock';

let ui: Rendered | undefined;
afterEach(() => ui?.unmount());

/** The texts every OSC 52 sequence written so far carries. */
function clipboardOf(written: readonly string[]): string[] {
  // eslint-disable-next-line no-control-regex
  const sequences = [...written.join('').matchAll(/\u001b\]52;c;([A-Za-z0-9+/=]*)\u0007/g)];
  return sequences.map((m) => Buffer.from(m[1] ?? '', 'base64').toString('utf8'));
}

function start(env: Record<string, string> = { TERM: 'xterm-256color' }, isTTY = true) {
  const written: string[] = [];
  const base = fakeServices(fakeFeed(alerts));
  const withGraph = (session: FakeSession): FakeSession => {
    // A graph link as the real session builds it: the core's formatter over the incident's range.
    session.graphLink = (q) => {
      const range = graphRange(session.incident());
      return range && graphUrl('http://prometheus.test:9090', q, range.start, range.end);
    };
    return session;
  };
  const services: UiServices = {
    ...base.services,
    openIncident: (a) => base.services.openIncident(a).then((s) => withGraph(s as FakeSession)),
    copy: terminalClipboard({ isTTY, write: (bytes) => written.push(bytes) }, env),
    openUrl: platformOpener('linux', env),
  };
  ui = renderUi(<App services={services} />);
  return { ui, written, opened: base.opened };
}

async function openWeb1(ui: Rendered) {
  await ui.waitForText('DiskFull');
  ui.press(keys.down, ' ', keys.down, keys.enter);
  return ui.waitForText('152 req/s');
}

describe('copy and open in the workspace', () => {
  it('y copies the focused probe step’s final query with OSC 52 and says so', async () => {
    const { ui, written } = start();
    await openWeb1(ui);
    ui.press('y');
    await ui.waitForText(`Copied the query (${query.length} characters, OSC 52).`);
    expect(clipboardOf(written)).toEqual([query]);
  });

  it('says when the terminal may not take it (tmux, the Linux console), and sends nothing without a TTY', async () => {
    const tmux = start({ TERM: 'tmux-256color', TMUX: '/tmp/tmux-1/default,1,0' });
    await openWeb1(tmux.ui);
    tmux.ui.press('y');
    await tmux.ui.waitForText('OSC 52); tmux passes it on only with `set -g set-clipboard on`.');
    tmux.ui.unmount();

    const none = start({ TERM: 'xterm' }, false);
    await openWeb1(none.ui);
    none.ui.press('y');
    await none.ui.waitForText('Not copied: the output is not a terminal');
    expect(none.written).toEqual([]);
  });

  it('c copies the step’s command verbatim; a step without code says it has none', async () => {
    const { ui, written, opened } = start();
    await openWeb1(ui);
    const session = opened[0];
    if (!session) throw new Error('not opened');
    // The runbook changes under the incident: its M1 now holds the HAProxy command.
    await session.record({
      type: 'runbook-opened',
      at: '2026-11-26T03:06:00.000Z',
      source: { kind: 'file', path: 'runbooks/haproxy/HaproxyServerConnectionErrors.md' },
      textHash: 'sha256:01',
      title: 'HaproxyServerConnectionErrors',
      steps: [
        { id: 'diagnosis-1', section: 'diagnosis', text: 'Check which servers refuse connections.' },
        { id: 'mitigation-1', section: 'mitigation', text: `Put it in maintenance:\n\`${command}\`.` },
      ],
    });
    ui.press('jc');
    await ui.waitForText('This step has no command');
    ui.press('jc');
    await ui.waitForText(`Copied the command (${command.length} characters, OSC 52)`);
    expect(clipboardOf(written)).toEqual([command]);
  });

  it('Y copies the graph link over the incident’s time range', async () => {
    const { ui, written } = start();
    await openWeb1(ui);
    ui.press('Y');
    await ui.waitForText('Copied the graph link');
    const [link] = clipboardOf(written);
    const url = new URL(link ?? '');
    expect(url.searchParams.get('g0.expr')).toBe(query);
    // The alert started 03:00, the probe run was recorded 03:10: ten minutes either side.
    expect(url.searchParams.get('g0.range_input')).toBe('30m');
    expect(url.searchParams.get('g0.end_input')).toBe('2026-11-26 03:20:00');
  });

  it('o lists every link whole on its own lines; without a display ⏎ says why and y copies the chosen one', async () => {
    const { ui, written } = start({ TERM: 'xterm' });
    await openWeb1(ui);
    ui.press('o');
    const frame = await ui.waitForText('links: j/k choose');
    expect(frame).toContain(`› 1. Graph of ${query}`);
    expect(frame).toContain('2. Link');
    // The URL is on screen whole: its wrapped pieces join back to the link.
    const urlLines = frame
      .split('\n')
      .filter((l) => l.startsWith('     '))
      .map((l) => l.trim());
    expect(urlLines.join('')).toContain('http://prometheus.test:9090/graph?g0.expr=');
    expect(urlLines.join('')).toContain('http://prometheus.example/graph');
    ui.press('j', keys.enter);
    await ui.waitForText('Not opened: no display (neither DISPLAY nor WAYLAND_DISPLAY is set)');
    expect(ui.frame()).toContain('› 2. Link');
    ui.press('y');
    await ui.waitForText('Copied the link');
    expect(clipboardOf(written)).toEqual(['http://prometheus.example/graph']);
    ui.press('o');
    await ui.waitForFrame((f) => !f.includes('links: j/k choose'));
  });
});
