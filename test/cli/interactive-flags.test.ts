// `sitrep` with no command takes the same server flags as the commands (and checks them first).
import { describe, expect, it } from 'vitest';
import { runCli, tempConfigHome } from '../helpers/run-cli.js';

describe('sitrep with no command', () => {
  const env = { XDG_CONFIG_HOME: tempConfigHome() };

  it('accepts the server flags, then explains that it needs a terminal', async () => {
    const args = [
      '--alertmanager.url',
      'http://am:9093',
      '--alertmanager.url',
      'http://am2:9093',
      '--prometheus.url',
      'http://p:9090',
      '--timeout',
      '10s',
      '-o',
      'json',
      '--http.config.file',
      '/dev/null',
    ];
    const result = await runCli(args, env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the interactive screen needs a terminal');
  });

  it('rejects a bad value before anything else', async () => {
    const result = await runCli(['--timeout', 'soon'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--timeout: "soon" is not a positive duration');
  });
});
