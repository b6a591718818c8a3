// A list row drawn as its parts side by side (src/ui/components/row-text.tsx, a speed-up) must
// reach the terminal exactly as the one Text the rows were before: the same characters and the
// same colour and inverse codes in the same cells, for a row that fits and one cut to the width.
import chalk from 'chalk';
import { Box } from 'ink';
import { render } from 'ink-testing-library';
import type { ReactNode } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RowText } from '../../src/ui/components/row-text.js';
import { Severity } from '../../src/ui/components/severity.js';
import { Text } from '../../src/ui/components/text.js';

// Colours on (the test's stdout is no terminal), so inverse and colour codes are compared too.
const level = chalk.level;
beforeAll(() => {
  chalk.level = 1;
});
afterAll(() => {
  chalk.level = level;
});

const lead = (marker: string, severity: string) => (
  <>
    {marker} <Severity severity={severity} width={9} />{' '}
  </>
);

interface Row {
  lead: ReactNode;
  leadWidth: number;
  fold?: string;
  rest: string;
  suffix?: { text: string; color: string };
  dimColor?: boolean;
}

// Inbox rows (a severity in the lead, groups with a fold mark) and checklist rows (a step's mark,
// dimmed when skipped, a coloured probe count after the text).
const rows: Row[] = [
  {
    lead: lead('›', 'critical'),
    leadWidth: 12,
    fold: '▸',
    rest: ' HttpErrorRateHigh     3 h 2 min   12 alerts',
  },
  {
    lead: lead(' ', 'warning'),
    leadWidth: 12,
    fold: '▾',
    rest: ' DiskFull              15 s        2 alerts',
  },
  {
    lead: lead(' ', 'info'),
    leadWidth: 12,
    rest: '  PodCrashLooping      1 d 2 h     namespace=team-1 pod=p-1',
  },
  {
    lead: lead('›', 'custom-sev'),
    leadWidth: 12,
    rest: 'Ünïcödé 名前 ok        2 min       cluster=eu-1 région=ß',
  },
  {
    lead: '› ○ ',
    leadWidth: 4,
    rest: 'D1 Check which servers refuse connections.',
    suffix: { text: ' [2 probes]', color: 'cyan' },
  },
  { lead: '  ⊘ ', leadWidth: 4, rest: 'M2 (Immediate) Take the server out of rotation.', dimColor: true },
  {
    lead: '  ✓ ',
    leadWidth: 4,
    rest: 'D2 Look at the HAProxy logs for 名前.',
    suffix: { text: ' [1 probe]', color: 'cyan' },
    dimColor: true,
  },
];

function frameOf(width: number, node: ReactNode): string {
  const ui = render(<Box width={width}>{node}</Box>);
  const frame = ui.lastFrame() ?? '';
  ui.unmount();
  return frame;
}

describe('RowText', () => {
  it.each([100, 60, 50, 40, 20])('draws each row as one Text would at width %i', (width) => {
    for (const row of rows) {
      for (const selected of [true, false]) {
        const parts = frameOf(width, <RowText selected={selected} width={width} {...row} />);
        const whole = frameOf(
          width,
          <Text inverse={selected} dimColor={row.dimColor ?? false} wrap="truncate">
            {row.lead}
            {row.fold}
            {row.rest}
            {row.suffix ? <Text color={row.suffix.color}>{row.suffix.text}</Text> : null}
          </Text>,
        );
        expect(parts).toBe(whole);
        if (selected) expect(parts).toContain('\u001b[7m');
      }
    }
  });
});
