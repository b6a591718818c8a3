// `sitrep alerts` with label values in CJK, emoji and combining marks: the table's columns are
// measured in terminal cells, so they stay aligned, and a cut never halves a character.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellWidth } from '../../src/core/format/cells.js';
import { amAlert } from '../helpers/api-fixtures.js';
import { refusedUrl, startFaultServer, type FaultServer } from '../helpers/fault-server.js';
import { runCli, tempConfigHome } from '../helpers/run-cli.js';

const startsAt = new Date(Date.now() - 5 * 60_000).toISOString();
const hosts = [
  'web-1',
  '主机-東京-🚨-01',
  '🚨🚨 出口',
  'cafe\u0301-ünïcode',
  '東京大阪名古屋札幌福岡'.repeat(3),
];

let am: FaultServer;
let env: Record<string, string>;
beforeAll(async () => {
  am = await startFaultServer({
    '/api/v2/alerts': {
      kind: 'json',
      body: hosts.map((host, i) =>
        amAlert({ alertname: `Wide${i}`, severity: 'warning', host }, { startsAt }),
      ),
    },
  });
  env = {
    XDG_CONFIG_HOME: tempConfigHome(),
    SITREP_ALERTMANAGER_URL: am.url,
    SITREP_PROMETHEUS_URL: await refusedUrl(),
  };
});
afterAll(async () => {
  await am.close();
});

/** The cell at which each line's AGE column starts (every alert is "5 min" old). */
function ageColumns(stdout: string): number[] {
  const lines = stdout.trimEnd().split('\n');
  return lines.map((line, i) => cellWidth(line.slice(0, line.indexOf(i === 0 ? 'AGE' : '5 min'))));
}

describe('sitrep alerts with wide characters', () => {
  it('keeps the columns aligned in cells', async () => {
    const result = await runCli(['alerts', '--prometheus.url='], env);
    expect(result.code).toBe(0);
    for (const host of hosts) expect(result.stdout).toContain(`host=${host}`);
    const columns = ageColumns(result.stdout);
    expect(columns).toHaveLength(hosts.length + 1);
    expect(new Set(columns).size).toBe(1);
  });

  it('cuts the labels to fit an 80-column terminal between characters, still aligned', async () => {
    const result = await runCli(['alerts', '--prometheus.url='], env, { columns: 80 });
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    for (const line of lines) expect(cellWidth(line)).toBeLessThanOrEqual(80);
    expect(result.stdout).toContain('host=東京大阪');
    expect(result.stdout).toMatch(/host=東京大阪[^\s]*…/);
    // No lone surrogate or replacement character: nothing was cut in half.
    expect(result.stdout).not.toMatch(/[\ud800-\udfff]|\ufffd/u);
    expect(new Set(ageColumns(result.stdout)).size).toBe(1);
  });
});
