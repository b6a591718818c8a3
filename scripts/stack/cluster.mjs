// An Alertmanager cluster on loopback: peer 0 is the stack's own `alertmanager`, peers 1.. are
// `alertmanager-2`, `alertmanager-3`, …, each with its own data folder, gossiping with every other
// peer on 127.0.0.1 with short intervals so silences and alerts spread within a second or two.
import fs from 'node:fs';
import path from 'node:path';
import { startProcess } from './processes.mjs';
import { httpGet, waitFor } from './probe.mjs';
import { startTimeoutMs } from './topology.mjs';

/** The registry name of peer `i` (0-based). */
export function peerName(i) {
  return i === 0 ? 'alertmanager' : `alertmanager-${i + 1}`;
}

/** The argv that starts Alertmanager peer `i`; a single Alertmanager does no gossip at all. */
export function alertmanagerArgv(s, bin, configFile, i) {
  const t = s.topology;
  const port = t.alertmanagerPorts[i];
  const data = path.join(s.dir, i === 0 ? 'alertmanager-data' : `${peerName(i)}-data`);
  fs.mkdirSync(data, { recursive: true });
  const common = [
    bin.alertmanager,
    `--config.file=${configFile}`,
    `--storage.path=${data}`,
    `--web.listen-address=127.0.0.1:${port}`,
    `--web.external-url=http://127.0.0.1:${port}`,
  ];
  // Empty: otherwise Alertmanager listens for cluster gossip on 0.0.0.0:9094.
  if (t.alertmanagerPorts.length === 1) return [...common, '--cluster.listen-address='];
  const gossip = t.clusterPorts[i];
  return [
    ...common,
    `--cluster.listen-address=127.0.0.1:${gossip}`,
    `--cluster.advertise-address=127.0.0.1:${gossip}`,
    ...t.clusterPorts.filter((_, j) => j !== i).map((p) => `--cluster.peer=127.0.0.1:${p}`),
    '--cluster.settle-timeout=2s',
    '--cluster.gossip-interval=100ms',
    '--cluster.pushpull-interval=2s',
    '--cluster.reconnect-interval=1s',
    '--cluster.probe-interval=500ms',
  ];
}

/**
 * Prometheus resends firing alerts every minute by default; in a cluster a respawned peer (which
 * keeps no alerts) would wait that long for them, so the stack resends every second.
 */
export function prometheusClusterArgs(s) {
  return s.topology.alertmanagerPorts.length > 1 ? ['--rules.alert.resend-delay=1s'] : [];
}

/** Starts peers 1.. (peer 0 is started with the base stack). */
export function startPeers(s, bin, configFile) {
  for (let i = 1; i < s.topology.alertmanagerPorts.length; i += 1) {
    const data = path.join(s.dir, `${peerName(i)}-data`);
    fs.rmSync(data, { recursive: true, force: true });
    startProcess(s.dir, peerName(i), alertmanagerArgv(s, bin, configFile, i));
  }
}

/** Waits until every peer is ready and, in a cluster, sees all the others. */
export async function waitForPeers(s) {
  const ports = s.topology.alertmanagerPorts;
  for (const port of ports) {
    await waitFor(
      `Alertmanager on ${port}`,
      () => httpGet(`http://127.0.0.1:${port}/-/ready`).then((r) => r.status === 200),
      s,
      startTimeoutMs,
    );
  }
  if (ports.length === 1) return;
  for (const port of ports) {
    await waitFor(
      `Alertmanager on ${port} to see its ${ports.length - 1} peers`,
      async () => {
        const res = await httpGet(`http://127.0.0.1:${port}/api/v2/status`);
        const peers = JSON.parse(res.body)?.cluster?.peers ?? [];
        return res.status === 200 && peers.length === ports.length;
      },
      s,
      startTimeoutMs,
    );
  }
}
