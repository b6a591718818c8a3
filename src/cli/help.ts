import type { CommandEntry } from './commands/index.js';
import { largest } from '../core/bounded.js';

/** The text of `sitrep --help`. */
export function topLevelHelp(commands: readonly CommandEntry[], version: string): string {
  const width =
    largest(
      commands.map((c) => c.name.length),
      8,
    ) + 2;
  const list = commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`).join('\n');
  return `sitrep ${version}: firing alerts, runbooks as checklists, PromQL probes and an incident timeline.

Usage:
  sitrep [flags]              open the interactive screen (needs a terminal)
  sitrep <command> [flags]    run one command and exit
  sitrep <command> --help     help for one command

Commands:
${list || '  (none yet)'}

Flags:
  -h, --help       show this help
  -V, --version    print the version

Exit codes: 0 ok, 1 something failed (a source, a probe, a lint finding), 2 bad usage, 70 a bug.
`;
}
