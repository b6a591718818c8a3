import type { Command } from '../command.js';
import { alertsCommand } from './alerts.js';
import { closeCommand } from './close.js';
import { configCommand } from './config.js';
import { exportCommand } from './export.js';
import { incidentsCommand } from './incidents.js';
import { lintCommand } from './lint.js';
import { noteCommand } from './note.js';
import { probeCommand } from './probe.js';
import { resumeCommand } from './resume.js';
import { runbookCommand } from './runbook.js';

/**
 * Every `sitrep <name>` subcommand, in the order `--help` lists them. Each lives in its own file
 * under src/cli/commands/; add new ones here.
 */
export const commands: readonly Command[] = [
  alertsCommand,
  runbookCommand,
  probeCommand,
  lintCommand,
  incidentsCommand,
  resumeCommand,
  noteCommand,
  closeCommand,
  exportCommand,
  configCommand,
];
