// Vitest global setup: bring the shared test stack up and make the seed alert fire once for the
// whole run, then stop it. A stack that is already up with its load running (a developer's
// `SITREP_STACK_DIR=.stack/test ...` or an earlier run) is reused and left running.
// Set SITREP_TEST_NO_STACK=1 to run only the tests that need no stack.
import { sharedStackEnv, stack } from './stack.js';

let startedHere = false;

async function alreadyFiring(): Promise<boolean> {
  try {
    const { stdout } = await stack(sharedStackEnv, 'status');
    return /^load\s+running/m.test(stdout);
  } catch {
    return false; // `status` exits 3 when the stack is not up
  }
}

export async function setup() {
  if (process.env.SITREP_TEST_NO_STACK === '1' || (await alreadyFiring())) return;
  startedHere = true;
  await stack(sharedStackEnv, 'up');
  // Long enough for the whole suite; `down` stops the load early.
  await stack(sharedStackEnv, 'fire', '1200');
}

export async function teardown() {
  if (startedHere) await stack(sharedStackEnv, 'down');
}
