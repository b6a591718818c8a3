import { describe, expect, it } from 'vitest';
import { stepCommands } from '../../../src/core/runbook/step-commands.js';

describe('stepCommands', () => {
  it('takes an inline command verbatim, quotes and all', () => {
    const text =
      'If one or two servers cause the errors, put them in maintenance:\n`echo "set server <backend>/<server> state maint" | socat stdio /run/haproxy/admin.sock`.';
    expect(stepCommands(text)).toEqual([
      'echo "set server <backend>/<server> state maint" | socat stdio /run/haproxy/admin.sock',
    ]);
  });

  it('prefers fenced blocks, line for line, over inline spans', () => {
    const text = [
      'Reload after checking with `haproxy -c`:',
      '',
      '   ```sh',
      '   haproxy -c -f /etc/haproxy/haproxy.cfg',
      '     && systemctl reload haproxy',
      '   ```',
      '',
      '~~~',
      'show servers state',
      '~~~',
    ].join('\n');
    expect(stepCommands(text)).toEqual([
      'haproxy -c -f /etc/haproxy/haproxy.cfg\n  && systemctl reload haproxy',
      'show servers state',
    ]);
  });

  it('reads double-backtick spans and every span in order', () => {
    expect(stepCommands('Run `` echo `date` `` then `state maint`.')).toEqual(['echo `date`', 'state maint']);
  });

  it('is empty for a step without code', () => {
    expect(stepCommands('Look at the HAProxy logs.')).toEqual([]);
  });
});
