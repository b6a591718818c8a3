// `sitrep completion bash|zsh|fish`: prints a completion script for the shell.
import { UsageError, ExitCode } from '../../core/errors.js';
import type { Command } from '../command.js';
import { globalOptions } from '../global-flags.js';
import { parseCommandArgs } from '../parse-args.js';
import { commands } from './index.js';
import { bashScript, fishScript, zshScript, type CompletionWords } from './completion-scripts.js';

const help = `Usage: sitrep completion bash|zsh|fish

Prints a script that completes sitrep's commands and flags, and alert names (for runbook, probe,
alerts and --alert) from the last \`sitrep alerts\`, without asking any server.

  bash   source <(sitrep completion bash)              (add it to ~/.bashrc)
  zsh    source <(sitrep completion zsh)               (in ~/.zshrc, after compinit)
  fish   sitrep completion fish > ~/.config/fish/completions/sitrep.fish`;

const globals = Object.keys(globalOptions).map((name) => `--${name}`);

/** Each command's own long flags, read from its help text so they never drift from it. */
async function commandFlags(): Promise<Record<string, string[]>> {
  const entries = await Promise.all(
    commands.map(async (entry) => {
      const command = await entry.load();
      const found = command.help.match(/(?<![\w-])--[a-z][a-z0-9.-]*[a-z0-9]/g) ?? [];
      return [entry.name, [...new Set(found)].filter((f) => !globals.includes(f) && f !== '--help')] as const;
    }),
  );
  return Object.fromEntries(entries.filter(([, flags]) => flags.length > 0));
}

/** `sitrep completion`. */
export const completionCommand: Command = {
  name: 'completion',
  help,
  async run(args, context) {
    const { positionals } = parseCommandArgs('completion', args, {});
    const shell = positionals[0];
    const words: CompletionWords = {
      commands: [...commands, { name: 'alert', summary: "amtool's spelling of alerts (alert query)" }],
      globals,
      flags: await commandFlags(),
    };
    const scripts = { bash: bashScript, zsh: zshScript, fish: fishScript } as const;
    if (positionals.length !== 1 || !(shell === 'bash' || shell === 'zsh' || shell === 'fish')) {
      throw new UsageError(
        'completion: which shell? bash, zsh or fish',
        'Example: source <(sitrep completion bash)',
      );
    }
    context.stdout.write(scripts[shell](words));
    return ExitCode.ok;
  },
};
