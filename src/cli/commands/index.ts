import type { Command } from '../command.js';
import { alertsCommand } from './alerts.js';
import { configCommand } from './config.js';
import { probeCommand } from './probe.js';

/**
 * Every `sitrep <name>` subcommand, in the order `--help` lists them. Each lives in its own file
 * under src/cli/commands/; add new ones here.
 */
export const commands: readonly Command[] = [alertsCommand, probeCommand, configCommand];
