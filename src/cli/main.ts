import { errorWords, ExitCode, UsageError, UserError } from '../core/errors.js';
import type { CommandContext } from './command.js';
import { commands, type CommandEntry } from './commands/index.js';
import { commandIndex, parseGlobalFlags, splitGlobalFlags, withConfigFile } from './global-flags.js';
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

const isHelp = (token: string) => token === '-h' || token === '--help';
const isVersion = (token: string) => token === '-V' || token === '--version';

async function dispatch(args: readonly string[], context: CommandContext): Promise<number> {
  const index = commandIndex(args);
  const word = index === -1 ? undefined : (args[index] as string);
  const before = index === -1 ? args : args.slice(0, index);
  if (word === 'help' || (word === undefined && before.some(isHelp))) {
    context.stdout.write(topLevelHelp(commands, version));
    return ExitCode.ok;
  }
  if (before.some(isVersion)) {
    context.stdout.write(`${version}\n`);
    return ExitCode.ok;
  }
  const { name, tail } = aliased(word, index === -1 ? [] : args.slice(index + 1));
  const entry = name === undefined ? undefined : findCommand(name);
  const command = entry === undefined ? undefined : await entry.load();
  const early = splitGlobalFlags(before);
  const late = splitGlobalFlags(tail, command?.shadows ?? []);
  const rest = [...early.rest, ...late.rest];
  if (command && rest.some(isHelp)) {
    const help = command.help.replace(/\n*$/, '\n');
    const globals = help.includes('Global flags')
      ? ''
      : '\nGlobal flags (--alertmanager.url, --prometheus.url, --config.file, --timeout, -o, --json,\n--http.config.file) work here too, before or after the command: see `sitrep --help`.\n';
    context.stdout.write(`${help}${globals}`);
    return ExitCode.ok;
  }
  const globals = parseGlobalFlags([...early.globals, ...late.globals], name ?? '');
  const withGlobals: CommandContext = {
    ...context,
    env: withConfigFile(context.env, globals, context.cwd),
    globals,
  };
  if (!command) {
    // Loaded lazily so that scripted commands never pay for React and Ink.
    const { runInteractive } = await import('./interactive.js');
    return runInteractive(rest, withGlobals);
  }
  return command.run(rest, withGlobals);
}

// amtool's spellings: `alert` and `alert query` are `alerts`.
function aliased(
  word: string | undefined,
  tail: readonly string[],
): { name?: string; tail: readonly string[] } {
  if (word !== 'alert') return word === undefined ? { tail } : { name: word, tail };
  const sub = commandIndex(tail);
  if (sub !== -1 && tail[sub] === 'query') return { name: 'alerts', tail: tail.toSpliced(sub, 1) };
  return { name: 'alerts', tail };
}

// amtool commands people type by habit, and where sitrep does that job.
const amtoolHints: Readonly<Record<string, string>> = {
  silence: 'sitrep silences from the incident screen (key S); `amtool silence` still works beside it.',
  silences: 'sitrep silences from the incident screen (key S); `amtool silence` still works beside it.',
  'check-config': '`sitrep doctor` checks sitrep’s config and sources; `sitrep lint` checks rule files.',
};

function findCommand(name: string): CommandEntry {
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    const list = `Commands: ${commands.map((c) => c.name).join(', ')}. Run \`sitrep --help\`.`;
    const habit = amtoolHints[name];
    throw new UsageError(`unknown command "${name}"`, habit ? `${habit}\n  ${list}` : list);
  }
  return entry;
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
