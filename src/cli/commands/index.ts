import type { Command } from '../command.js';

/** A subcommand as `sitrep --help` lists it; its code loads only when it runs. */
export interface CommandEntry {
  readonly name: string;
  /** One line for the command list in `sitrep --help`. */
  readonly summary: string;
  load(): Promise<Command>;
}

/**
 * Every `sitrep <name>` subcommand, in the order `--help` lists them. Each lives in its own file
 * under src/cli/commands/ and is imported only when it runs, so `sitrep alerts` does not load the
 * markdown and PromQL parsers that `sitrep lint` needs. Add new ones here.
 */
export const commands: readonly CommandEntry[] = [
  {
    name: 'doctor',
    summary: 'check the config, each source (version, auth, TLS), runbooks and the journal folder',
    load: async () => (await import('./doctor.js')).doctorCommand,
  },
  {
    name: 'alerts',
    summary: 'list firing alerts from Alertmanager and Prometheus (table, or --json for scripts)',
    load: async () => (await import('./alerts.js')).alertsCommand,
  },
  {
    name: 'runbook',
    summary: 'show the runbook for an alert (or a file) as a checklist with its probe queries',
    load: async () => (await import('./runbook.js')).runbookCommand,
  },
  {
    name: 'probe',
    summary: "run an alert's PromQL probes (its expression and its runbook's diagnosis steps) once",
    load: async () => (await import('./probe.js')).probeCommand,
  },
  {
    name: 'history',
    summary:
      'has an alert fired before: its firing episodes from Prometheus and the incidents recorded for it',
    load: async () => (await import('./history.js')).historyCommand,
  },
  {
    name: 'lint',
    summary: 'check runbooks and rule files: front matter, steps, PromQL, $labels, missing runbooks',
    load: async () => (await import('./lint.js')).lintCommand,
  },
  {
    name: 'incidents',
    summary: 'list recorded incidents, open first (--all includes closed ones, --json for scripts)',
    load: async () => (await import('./incidents.js')).incidentsCommand,
  },
  {
    name: 'resume',
    summary: 'resume an incident where it was left (the most recent open one by default)',
    load: async () => (await import('./resume.js')).resumeCommand,
  },
  {
    name: 'note',
    summary: "add a note to an incident's timeline (from a script or another terminal)",
    load: async () => (await import('./note.js')).noteCommand,
  },
  {
    name: 'close',
    summary: 'close an incident (the most recent open one by default)',
    load: async () => (await import('./close.js')).closeCommand,
  },
  {
    name: 'export',
    summary: "write an incident's postmortem notes (Markdown, or JSON with every event)",
    load: async () => (await import('./export.js')).exportCommand,
  },
  {
    name: 'config',
    summary: 'show and change the config file (path, get, set, unset, list)',
    load: async () => (await import('./config.js')).configCommand,
  },
  {
    name: 'completion',
    summary: 'print a bash, zsh or fish completion script (commands, flags, alert names)',
    load: async () => (await import('./completion.js')).completionCommand,
  },
];
