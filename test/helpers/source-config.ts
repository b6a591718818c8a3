// The config a command would resolve from these server flags, for tests that drive src/app or
// src/sources directly with the same settings a user would type.
import type { CommandContext } from '../../src/cli/command.js';
import { globalOptions } from '../../src/cli/global-flags.js';
import { parseCommandArgs } from '../../src/cli/parse-args.js';
import { resolveSourceOptions, type ResolvedSources } from '../../src/cli/source-options.js';

/** Resolves `--alertmanager.url … --prometheus.url …` (and the environment) as a command does. */
export function loadSourceConfig(args: readonly string[], context: CommandContext): ResolvedSources {
  const { values } = parseCommandArgs('', args, globalOptions, false);
  return resolveSourceOptions(values, context);
}
