// Drives scripts/stack.mjs for tests. The test stack has its own folder and ports, so it never
// touches a developer's `npm run stack` (defaults 29xxx) and never clashes with it.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The SITREP_STACK_* variables that place a stack (see scripts/stack/settings.mjs). */
export interface StackEnv {
  SITREP_STACK_DIR: string;
  SITREP_STACK_PROMETHEUS_PORT: string;
  SITREP_STACK_ALERTMANAGER_PORT: string;
  SITREP_STACK_HAPROXY_PORT: string;
  SITREP_STACK_HAPROXY_METRICS_PORT: string;
  SITREP_STACK_BACKEND_PORTS: string;
  SITREP_STACK_LOAD_RATE?: string;
}

/**
 * Test stacks live on ports 10000-19999, below Linux's range for outgoing connections' local ports
 * (32768-60999): a port up there can be taken by any client for a moment, and a stack then fails
 * to start with "address already in use".
 *
 * Added to every test stack's port base, so that two checkouts can run their suites side by side
 * (SITREP_TEST_PORT_OFFSET=100, 200, …; each stack uses fewer than 100 ports above its base).
 */
const portOffset = Number(process.env['SITREP_TEST_PORT_OFFSET'] ?? '0') || 0;

/** Environment for a stack under .stack/<name> with ports based at `base` (base+90 Prometheus, …). */
export function stackEnv(name: string, requestedBase: number): StackEnv {
  const base = requestedBase + portOffset;
  return {
    SITREP_STACK_DIR: path.join(repoRoot, '.stack', name),
    SITREP_STACK_PROMETHEUS_PORT: String(base + 90),
    SITREP_STACK_ALERTMANAGER_PORT: String(base + 93),
    SITREP_STACK_HAPROXY_PORT: String(base + 80),
    SITREP_STACK_HAPROXY_METRICS_PORT: String(base + 4),
    SITREP_STACK_BACKEND_PORTS: `${base + 11},${base + 12}`,
  };
}

/** The stack every integration test shares, started once by test/helpers/global-stack.ts. */
export const sharedStackEnv = stackEnv('test', 19000);

export const sharedStackUrls = {
  prometheus: `http://127.0.0.1:${sharedStackEnv.SITREP_STACK_PROMETHEUS_PORT}`,
  alertmanager: `http://127.0.0.1:${sharedStackEnv.SITREP_STACK_ALERTMANAGER_PORT}`,
};

/** Runs `node scripts/stack.mjs ...args` with the given stack environment. */
export async function stack(env: StackEnv, ...args: string[]) {
  return run(process.execPath, [path.join(repoRoot, 'scripts', 'stack.mjs'), ...args], {
    env: { ...process.env, ...env },
    timeout: 300_000,
  });
}
