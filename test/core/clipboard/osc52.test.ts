import { describe, expect, it } from 'vitest';
import { clipboardCaveat, osc52Sequence } from '../../../src/core/clipboard/osc52.js';

const decode = (sequence: string): string => {
  // eslint-disable-next-line no-control-regex
  const match = /^\u001b\]52;c;([A-Za-z0-9+/=]*)\u0007$/.exec(sequence);
  if (!match) throw new Error(`not an OSC 52 sequence: ${JSON.stringify(sequence)}`);
  return Buffer.from(match[1] ?? '', 'base64').toString('utf8');
};

describe('osc52Sequence', () => {
  it('carries the text base64-encoded between ESC ] 52 ; c ; and BEL', () => {
    const query = 'sum by (server) (rate(haproxy_server_connection_errors_total{backend="web"}[1m]))';
    const sequence = osc52Sequence(query);
    expect(sequence.startsWith('\u001b]52;c;')).toBe(true);
    expect(sequence.endsWith('\u0007')).toBe(true);
    expect(decode(sequence)).toBe(query);
  });

  it('keeps newlines and non-ASCII text (UTF-8)', () => {
    const text = 'echo "set server b/主机-東京 state maint" |\n  socat stdio /run/haproxy/admin.sock';
    expect(decode(osc52Sequence(text))).toBe(text);
  });

  it('drops escape sequences and control bytes before encoding them', () => {
    const hostile = 'rate(x[1m])\u001b]52;c;ZXZpbA==\u0007\u001b[2J\u0000\u009b31m';
    expect(decode(osc52Sequence(hostile))).toBe('rate(x[1m])');
    // Nothing but the one sequence: the payload alphabet holds no ESC or BEL.
    expect(osc52Sequence(hostile).split('\u001b')).toHaveLength(2);
  });
});

describe('clipboardCaveat', () => {
  it('says nothing in an ordinary terminal', () => {
    expect(clipboardCaveat({ env: { TERM: 'xterm-256color' }, isTTY: true })).toEqual({ send: true });
  });

  it('sends nothing when the output is not a terminal, and says so', () => {
    const verdict = clipboardCaveat({ env: { TERM: 'xterm' }, isTTY: false });
    expect(verdict.send).toBe(false);
    expect(verdict.caveat).toMatch(/not a terminal/);
  });

  it('names the Linux console, dumb terminals, tmux and GNU screen', () => {
    expect(clipboardCaveat({ env: { TERM: 'linux' }, isTTY: true }).caveat).toMatch(/Linux console/);
    expect(clipboardCaveat({ env: { TERM: 'dumb' }, isTTY: true }).caveat).toMatch(/may not support/);
    expect(clipboardCaveat({ env: {}, isTTY: true }).caveat).toMatch(/TERM is not set/);
    expect(
      clipboardCaveat({ env: { TERM: 'tmux-256color', TMUX: '/tmp/t,1,0' }, isTTY: true }).caveat,
    ).toMatch(/set-clipboard on/);
    expect(clipboardCaveat({ env: { TERM: 'screen', STY: '1.pts' }, isTTY: true }).caveat).toMatch(
      /GNU screen needs it wrapped/,
    );
  });
});
