// `npm test`: everything CI checks, in order, stopping at the first failure.
// typecheck → lint → format check → build → vitest (unit + integration against the real stack).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './stack/settings.mjs';

const report = path.join(repoRoot, '.stack', 'vitest-report.json');

const steps = [
  ['typecheck', 'npx', ['tsc', '--noEmit']],
  ['lint', 'npx', ['eslint', '--config', 'scripts/eslint.config.js', '.']],
  ['format', 'npx', ['prettier', '--check', '.']],
  ['build', process.execPath, ['scripts/build.mjs']],
  [
    'tests',
    'npx',
    [
      'vitest',
      'run',
      '--config',
      'test/vitest.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
      ...process.argv.slice(2),
    ],
  ],
];

for (const [name, cmd, args] of steps) {
  console.log(`\n▶ ${name}`);
  const result = spawnSync(cmd, args, { cwd: repoRoot, stdio: 'inherit' });
  if (name === 'tests') printSummary();
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed`);
    process.exit(result.status ?? 1);
  }
}

// One plain closing line that any CI log reader understands.
function printSummary() {
  try {
    const r = JSON.parse(fs.readFileSync(report, 'utf8'));
    const skipped = r.numPendingTests + r.numTodoTests;
    console.log(`\ntests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
  } catch {
    console.log('\ntests: no report was written');
  }
}
