// An alert's runbook_url is written by whoever can post alerts. Opening the alert must not make
// sitrep connect to that host unless the user allows it (`runbooks.allowed_hosts`), and the
// workspace must show the URL and say how to allow it (issue #11, defect 10; fixed on h11a).
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realServices } from '../../../src/app/real-services.js';
import { loadSourceConfig } from '../../helpers/source-config.js';
import { amAlert } from '../../helpers/api-fixtures.js';
import { startFaultServer, type FaultServer } from '../../helpers/fault-server.js';
import { tempConfigHome } from '../../helpers/run-cli.js';

let connections = 0;
let listener: net.Server;
let runbookUrl = '';
let alertmanager: FaultServer;

beforeAll(async () => {
  // Counts TCP connections and closes them: a TLS handshake to it would be the leak.
  listener = net.createServer((socket) => {
    connections += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  const { port } = listener.address() as AddressInfo;
  runbookUrl = `https://127.0.0.1:${port}/runbooks/DiskFillingUp.md`;
  const labels = { alertname: 'PostedByAnyone', severity: 'critical' };
  alertmanager = await startFaultServer({
    '/api/v2/alerts': {
      kind: 'json',
      body: [amAlert(labels, { annotations: { summary: 'x', runbook_url: runbookUrl } })],
    },
  });
});
afterAll(async () => {
  await alertmanager.close();
  await new Promise<void>((resolve) => listener.close(() => resolve()));
});

describe('a runbook URL from an alert', () => {
  it('is not fetched from a host the user did not allow; the workspace says how to allow it (defect 10)', async () => {
    const home = tempConfigHome();
    const env = {
      XDG_CONFIG_HOME: home,
      XDG_DATA_HOME: path.join(home, 'data'),
      XDG_CACHE_HOME: path.join(home, 'cache'),
    };
    const { config } = loadSourceConfig(['--alertmanager.url', alertmanager.url, '--prometheus.url', ''], {
      stdout: { write: () => true },
      stderr: { write: () => true },
      stdinIsTTY: false,
      env,
      cwd: home,
    });
    const services = realServices(config, { env, cwd: home });
    await services.feed.refresh();
    const alerts = services.feed.getSnapshot().alerts.filter((a) => a.name === 'PostedByAnyone');
    expect(alerts).toHaveLength(1);
    const session = await services.openIncident(alerts);
    try {
      expect(connections).toBe(0);
      const shown = JSON.stringify(session.runbook);
      expect(shown).toContain(runbookUrl);
      expect(shown).toContain('allowed_hosts');
    } finally {
      await session.close();
      services.feed.stop();
    }
  });
});
