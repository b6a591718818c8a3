// `sitrep doctor`: the first thing a new user runs. Checks the config, reaches each source, looks
// for the rule files' runbooks and the journal folder, and says what to fix.
import { ExitCode, UserError } from '../../core/errors.js';
import { countOf } from '../../core/format/count.js';
import { sanitizeLine } from '../../core/sanitize.js';
import { incidentsDir } from '../../store/data-dir.js';
import { configFilePath } from '../../store/config-path.js';
import type { Command, CommandContext } from '../command.js';
import { parseCommandArgs } from '../parse-args.js';
import { printWarnings, resolveSourceOptions, sourceOptionsHelp } from '../source-options.js';
import {
  checkClusterCoverage,
  checkJournalFolder,
  checkRuleRunbooks,
  checkSource,
  type Check,
} from './doctor-checks.js';
import fs from 'node:fs';
import { appendAll } from '../../core/bounded.js';

const help = `Usage: sitrep doctor [flags]

Checks that sitrep can work here, and says what to fix:
  the config file (found, valid), each Alertmanager and Prometheus (reachable, version, credentials
  and TLS accepted; an Alertmanager's cluster, and whether sitrep is given every peer), the runbooks for Prometheus's alert rules (from the runbook folders or a
  runbook_url annotation), and the incident journal folder (writable).
A built-in default source that nothing answers at is a note; a configured one that fails is a problem.

${sourceOptionsHelp}

Exit codes: 0 nothing wrong (notes are fine), 1 something is wrong, 2 bad usage.`;

const marks = { ok: 'ok  ', note: 'note', fail: 'FAIL' } as const;

/** `sitrep doctor`. */
export const doctorCommand: Command = {
  name: 'doctor',
  help,
  async run(args, context) {
    parseCommandArgs('doctor', args, {}, false);
    const checks: Check[] = [configCheck(context)];
    print(checks, context);
    if (checks[0]?.verdict === 'fail') return ExitCode.failure;
    const { config, warnings, unconfigured } = resolveSourceOptions({}, context);
    printWarnings(warnings, context);
    const sources = [...config.alertmanagers, ...(config.prometheus ? [config.prometheus] : [])];
    const reached = await Promise.all(sources.map((s) => checkSource(s, !unconfigured.has(s.url))));
    const later: Check[] = [...reached];
    const coverage = checkClusterCoverage(reached, config.alertmanagers.length);
    if (coverage) later.push(coverage);
    if (!reached.some((c, i) => c.verdict === 'ok' && sources[i]?.kind === 'alertmanager')) {
      later.push({
        verdict: 'fail',
        what: 'no Alertmanager answered: sitrep has no alerts to show',
        fix: 'Give --alertmanager.url URL, or `sitrep config set alertmanager.url URL`.',
      });
    }
    const promIndex = sources.findIndex((s) => s.kind === 'prometheus');
    if (config.prometheus && reached[promIndex]?.verdict === 'ok') {
      appendAll(later, await checkRuleRunbooks(config.prometheus, context));
    }
    later.push(checkJournalFolder(incidentsDir(context.env)));
    print(later, context);
    const all = [...checks, ...later];
    const problems = all.filter((c) => c.verdict === 'fail').length;
    context.stdout.write(
      problems === 0 ? '\nNothing wrong.\n' : `\n${countOf(problems, 'problem')} to fix.\n`,
    );
    return problems === 0 ? ExitCode.ok : ExitCode.failure;
  },
};

function configCheck(context: CommandContext): Check {
  const file = configFilePath(context.env);
  if (!fs.existsSync(file)) {
    return {
      verdict: 'ok',
      what: `config file ${file} does not exist: flags, environment and defaults apply`,
      fix: 'Optional: `sitrep config set alertmanager.url URL` writes one.',
    };
  }
  try {
    resolveSourceOptions({}, context);
    return { verdict: 'ok', what: `config file ${file} is valid` };
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return {
      verdict: 'fail',
      what: sanitizeLine(error.message),
      fix: error.hint ? sanitizeLine(error.hint) : 'Fix the file, or check it with `sitrep config list`.',
    };
  }
}

function print(checks: readonly Check[], context: CommandContext): void {
  for (const check of checks) {
    context.stdout.write(`${marks[check.verdict]}  ${check.what}\n`);
    if (check.fix && check.verdict !== 'ok') context.stdout.write(`      → ${check.fix}\n`);
  }
}
