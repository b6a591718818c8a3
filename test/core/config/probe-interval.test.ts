import { describe, expect, it } from 'vitest';
import { readFileConfig } from '../../../src/core/config/config-file.js';
import { resolveConfig, type SourceFlags } from '../../../src/core/config/resolve.js';
import { UsageError } from '../../../src/core/errors.js';

const flags: SourceFlags = {
  alertmanagerUrls: [],
  prometheusUrl: undefined,
  timeout: undefined,
  output: undefined,
  json: false,
  httpConfigFile: undefined,
};
const env = { alertmanagerUrls: undefined, prometheusUrl: undefined };
const resolve = (probeInterval: string | undefined, fileText: unknown) =>
  resolveConfig({
    flags: { ...flags, probeInterval },
    env,
    file: readFileConfig(fileText, (p) => p),
    httpConfigs: new Map(),
  }).config.probeIntervalMs;

describe('how often the screen re-runs probes', () => {
  it('is unset by default (the screen uses its own default), read from the file, the flag winning', () => {
    expect(resolve(undefined, {})).toBeUndefined();
    expect(resolve(undefined, { probe_interval: '30s' })).toBe(30_000);
    expect(resolve('5s', { probe_interval: '30s' })).toBe(5_000);
  });

  it('refuses a value that is not a positive duration, naming where it came from', () => {
    expect(() => resolve('soon', {})).toThrow(UsageError);
    expect(() => resolve('soon', {})).toThrow('--probe.interval: "soon" is not a positive duration');
    expect(() => resolve(undefined, { probe_interval: '0s' })).toThrow(/probe_interval/);
  });
});
