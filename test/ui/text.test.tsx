// The screen's one text component: whatever string it is given, nothing a terminal acts on gets
// through (the real-terminal test in test/e2e/hostile-terminal.test.ts checks the colours survive).
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { Severity } from '../../src/ui/components/severity.js';
import { Text } from '../../src/ui/components/text.js';

const hostile =
  'a\u001b[5mb\u001b]0;title\u0007c\u009b2Jd\u009d0;t\u009ce\u202ef\u200fg\u061ch\u200bi\u0007j';

describe('Text', () => {
  it('strips escape sequences, controls, bidi and zero-width characters from every string child', () => {
    const { lastFrame, unmount } = render(
      <Text>
        {hostile} and {[hostile, <Text key="n">{hostile}</Text>]}
      </Text>,
    );
    expect(lastFrame()).toBe('abcdefghij and abcdefghijabcdefghij');
    unmount();
  });
});

describe('Severity', () => {
  it('cuts a 10 kB severity to its column and to one short word without a width', () => {
    const long = `critical${'x'.repeat(10_000)}`;
    const inColumn = render(<Severity severity={long} width={9} />);
    expect(inColumn.lastFrame()).toBe('critical…');
    inColumn.unmount();
    const alone = render(<Severity severity={long} />);
    expect(alone.lastFrame()).toBe(`critical${'x'.repeat(7)}…`);
    alone.unmount();
  });

  it('cleans a severity before drawing it', () => {
    const { lastFrame, unmount } = render(<Severity severity={'\u001b[8mcritical\u200b'} />);
    expect(lastFrame()).toBe('critical');
    unmount();
  });
});
