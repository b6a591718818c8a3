import { errorWords, ExitCode, UsageError, UserError } from '../core/errors.js';
import type { CommandContext } from './command.js';
import { commands } from './commands/index.js';
import { topLevelHelp } from './help.js';
import { version } from './version.js';

/** Runs sitrep with these arguments and returns the exit code. Never throws. */
export async function main(args: readonly string[], context: CommandContext): Promise<number> {
  try {
    return await dispatch(args, context);
  } catch (error) {
    return reportError(error, context);
  }
}

async function dispatch(args: readonly string[], context: CommandContext): Promise<number> {
  const [first, ...rest] = args;
  if (first === '-h' || first === '--help' || first === 'help') {
    context.stdout.write(topLevelHelp(commands, version));
    return ExitCode.ok;
  }
  if (first === '-V' || first === '--version') {
    context.stdout.write(`${version}\n`);
    return ExitCode.ok;
  }
  if (first === undefined || first.startsWith('-')) {
    // Loaded lazily so that scripted commands never pay for React and Ink.
    const { runInteractive } = await import('./interactive.js');
    return runInteractive(args, context);
  }
  const entry = commands.find((c) => c.name === first);
  if (!entry) {
    throw new UsageError(
      `unknown command "${first}"`,
      `Commands: ${commands.map((c) => c.name).join(', ')}. Run \`sitrep --help\`.`,
    );
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    context.stdout.write(command.help.endsWith('\n') ? command.help : `${command.help}\n`);
    return ExitCode.ok;
  }
  return command.run(rest, context);
}

function reportError(error: unknown, context: CommandContext): number {
  if (error instanceof UserError) {
    const { message, hint } = errorWords(error);
    context.stderr.write(`sitrep: ${message}\n`);
    if (hint) context.stderr.write(`  ${hint}\n`);
    return error.exitCode;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  context.stderr.write(
    `sitrep: internal error (this is a bug; please report it with the text below)\n${detail}\n`,
  );
  return ExitCode.internal;
}
