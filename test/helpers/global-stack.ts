// Vitest global setup: bring the shared test stack up and make the seed alert fire once for the
// whole run, then stop it. Set SITREP_TEST_NO_STACK=1 to run only the tests that need no stack.
import { sharedStackEnv, stack } from './stack.js';

export async function setup() {
  if (process.env.SITREP_TEST_NO_STACK === '1') return;
  await stack(sharedStackEnv, 'up');
  // Long enough for the whole suite; `down` stops the load early.
  await stack(sharedStackEnv, 'fire', '1200');
}

export async function teardown() {
  if (process.env.SITREP_TEST_NO_STACK === '1') return;
  await stack(sharedStackEnv, 'down');
}
