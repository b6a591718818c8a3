// The stacks of the topology tests, each in its own folder and port range (base + 0..99, plus
// SITREP_TEST_PORT_OFFSET through stackEnv): an Alertmanager cluster of three at 14000, and
// VictoriaMetrics, the bearer-token gateway and Prometheus on TLS/mTLS together at 15000.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot, stackEnv, type StackEnv } from '../../helpers/stack.js';

const run = promisify(execFile);

/** StackEnv plus the topology settings of scripts/stack/topology.mjs. */
export type TopologyEnv = StackEnv & Record<`SITREP_STACK_${string}`, string>;

const baseOf = (env: StackEnv) => Number(env.SITREP_STACK_PROMETHEUS_PORT) - 90;

/** Three Alertmanagers (web base+93..95, gossip base+40..42) and one Prometheus sending to all. */
export function clusterEnv(): TopologyEnv {
  const env = stackEnv('topology-cluster', 14000);
  return {
    ...env,
    SITREP_STACK_ALERTMANAGERS: '3',
    SITREP_STACK_CLUSTER_PORT: String(baseOf(env) + 40),
  };
}

/** VictoriaMetrics (base+28), the gateway (base+85), Prometheus TLS (base+91) and mTLS (base+92). */
export function backendsEnv(): TopologyEnv {
  const env = stackEnv('topology-backends', 15000);
  const base = baseOf(env);
  return {
    ...env,
    SITREP_STACK_VICTORIA: '1',
    SITREP_STACK_VICTORIA_PORT: String(base + 28),
    SITREP_STACK_PROXY: '1',
    SITREP_STACK_PROXY_PORT: String(base + 85),
    SITREP_STACK_PROXY_TOKEN: 'topology-token',
    SITREP_STACK_PROXY_TENANT: 'team-a',
    SITREP_STACK_TLS: '1',
    SITREP_STACK_TLS_PORT: String(base + 91),
    SITREP_STACK_MTLS_PORT: String(base + 92),
  };
}

/** `node scripts/stack.mjs ...args` for a topology stack; resolves with its output. */
export async function topologyStack(env: TopologyEnv, ...args: string[]) {
  return run(process.execPath, [path.join(repoRoot, 'scripts', 'stack.mjs'), ...args], {
    env: { ...process.env, ...env },
    timeout: 300_000,
  });
}

/** The stack's URLs by service name (`urls`): prometheus, alertmanager, alertmanager-2, victoria, … */
export async function topologyUrls(env: TopologyEnv): Promise<Record<string, string>> {
  const { stdout } = await topologyStack(env, 'urls');
  return JSON.parse(stdout) as Record<string, string>;
}

/** The stack's runtime folder. */
export const stackDir = (env: TopologyEnv) => env.SITREP_STACK_DIR;

/** Skips a whole topology suite under SITREP_TEST_NO_STACK=1, as the other stack tests do. */
export const noStack = process.env['SITREP_TEST_NO_STACK'] === '1';
