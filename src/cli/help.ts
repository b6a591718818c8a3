import type { CommandEntry } from './commands/index.js';
import { largest } from '../core/bounded.js';
import { environmentHelp, globalFlagLines, precedenceHelp } from './global-flags.js';

/** The text of `sitrep --help`. */
export function topLevelHelp(commands: readonly CommandEntry[], version: string): string {
  const rows = [...commands, { name: 'alert query', summary: "amtool's spelling of `alerts`" }];
  const width =
    largest(
      rows.map((c) => c.name.length),
      8,
    ) + 2;
  const list = rows.map((c) => `  ${c.name.padEnd(width)}${c.summary}`).join('\n');
  return `sitrep ${version}: firing alerts, runbooks as checklists, PromQL probes and an incident timeline.

Usage:
  sitrep [flags]               open the interactive screen (needs a terminal)
  sitrep --alert NAME [flags]  open the screen straight on the incident for alert NAME once it fires
  sitrep <command> [flags]     run one command and exit (start with \`sitrep doctor\`)
  sitrep <command> --help      help for one command

Commands:
${list}

Filters (sitrep alerts FILTER…, and / on the screen): an argument with =, !=, =~ or !~ is an
Alertmanager matcher; a bare word must appear in the alert's name, a label value or its summary.

Global flags (before or after the command; also settable in the config file):
${globalFlagLines}
  -h, --help               show this help (after a command: that command's help)
  -V, --version            print the version
${precedenceHelp}

Config file: $XDG_CONFIG_HOME/sitrep/config.yml (~/.config/sitrep/config.yml); \`sitrep config path\`
prints the one in use, \`sitrep config --help\` lists its keys.

${environmentHelp}

Exit codes: 0 ok, 1 something failed (a source, a probe, a lint finding), 2 bad usage, 70 a bug.
`;
}
