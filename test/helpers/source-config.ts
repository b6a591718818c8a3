// The config a command would resolve from these server flags, for tests that drive src/app or
// src/sources directly with the same settings a user would type.
import type { CommandContext } from '../../src/cli/command.js';
import { globalOptions } from '../../src/cli/global-flags.js';
import { parseCommandArgs } from '../../src/cli/parse-args.js';
import { resolveSourceOptions, type ResolvedSources } from '../../src/cli/source-options.js';
import { defaults, type SourceConfig } from '../../src/core/config/config.js';

/** Resolves `--alertmanager.url … --prometheus.url …` (and the environment) as a command does. */
export function loadSourceConfig(args: readonly string[], context: CommandContext): ResolvedSources {
  const { values } = parseCommandArgs('', args, globalOptions, false);
  return resolveSourceOptions(values, context);
}

/** A source as the config resolves one with no auth, TLS or header settings: plain HTTP to `url`. */
export function plainSource(
  kind: SourceConfig['kind'],
  name: string,
  url: string,
  timeoutMs = 2_000,
): SourceConfig {
  return {
    kind,
    name,
    url,
    headers: {},
    auth: { kind: 'none' },
    tls: { insecureSkipVerify: false },
    timeoutMs,
    maxResponseBytes: defaults.maxResponseBytes,
  };
}
