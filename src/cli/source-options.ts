// The server flags (the global flags of src/cli/global-flags.ts) resolved with the environment,
// the config file and the defaults into one immutable Config:
//
//   const { config, warnings, unconfigured } = resolveSourceOptions({}, context);
import { readFileSettings, readHttpConfigFile } from '../store/config-reader.js';
import type { CommandContext } from './command.js';
import { globalFlagsHelp, globalOptions, type GlobalValues } from './global-flags.js';
import { resolveSourcesWith, type ResolvedSources } from './source-resolve.js';

export { printWarnings, type ResolvedSources } from './source-resolve.js';

/**
 * The global flags' parseArgs options. main() takes these flags out of argv wherever they stand,
 * so a command no longer needs to spread them into its own; spreading them is harmless.
 */
export const sourceOptions = globalOptions;

/** The global flags' part of a command's `--help`. */
export const sourceOptionsHelp = globalFlagsHelp;

/** The parsed values of the source flags. */
export type SourceOptionValues = GlobalValues;

/**
 * Resolves the global flags (from `context.globals`, and any the command parsed itself) with the
 * environment, the config file and the defaults. Reads the config file and any http_config files;
 * throws UsageError or ConfigFileError (exit 2) when one is wrong.
 */
export function resolveSourceOptions(own: SourceOptionValues, context: CommandContext): ResolvedSources {
  return resolveSourcesWith(own, context, { readFileSettings, readHttpConfigFile });
}
