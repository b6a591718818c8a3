import { parseArgs, type ParseArgsConfig } from 'node:util';
import { errorMessage, UsageError } from '../core/errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * node's parseArgs with sitrep's error messages: an unknown flag or a missing value becomes a
 * one-line UsageError (exit 2) that names the command, instead of a Node error code.
 */
export function parseCommandArgs<const O extends Options>(
  command: string,
  args: readonly string[],
  options: O,
  allowPositionals = true,
) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals, strict: true });
  } catch (error) {
    const message = errorMessage(error);
    const prefix = command ? `${command}: ` : '';
    const helpCommand = command ? `sitrep ${command} --help` : 'sitrep --help';
    throw new UsageError(`${prefix}${cleanParseMessage(message)}`, `Run \`${helpCommand}\`.`);
  }
}

function cleanParseMessage(message: string): string {
  // parseArgs adds advice for `--` that does not apply to sitrep's commands.
  return message
    .replace(/\. To specify a positional argument.*$/s, '')
    .replace(/^Unknown option/, 'unknown option');
}
