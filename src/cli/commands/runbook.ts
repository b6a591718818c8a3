// `sitrep runbook ALERTNAME` and `sitrep runbook --file PATH`: shows the runbook sitrep would open
// for an alert, as the numbered checklist with each probe's final query, and where it came from.
import path from 'node:path';
import { stringifyForTerminal } from '../../core/alerts/alert-json.js';
import { ExitCode, UsageError, UserError } from '../../core/errors.js';
import { parseRunbook } from '../../core/runbook/parse-runbook.js';
import type { Command, CommandContext } from '../command.js';
import { wantsJson } from '../global-flags.js';
import { parseCommandArgs } from '../parse-args.js';
import { RunbookReadError, readRunbookText } from '../../store/runbook-files.js';
import { runbookProxy } from '../../sources/runbook-proxy.js';
import { lookUpRunbook } from '../../sources/runbook-lookup.js';
import { resolveSourceOptions } from '../source-options.js';
import { parseLabelFlags } from './probe-target.js';
import { runbookJson, runbookText, type RunbookView } from './runbook-view.js';

const options = {
  label: { type: 'string', multiple: true, short: 'l' },
  file: { type: 'string', short: 'f' },
  'runbook-url': { type: 'string' },
  'runbooks.dir': { type: 'string', multiple: true },
  'allow-http': { type: 'boolean' },
  'runbooks.allowed-host': { type: 'string', multiple: true },
  json: { type: 'boolean' },
} as const;

const help = `Usage: sitrep runbook ALERTNAME [--label NAME=VALUE ...] [--json]
       sitrep runbook --file PATH [ALERTNAME] [--label NAME=VALUE ...] [--json]

Shows the runbook sitrep opens for an alert: its meaning and impact, then the diagnosis and
mitigation steps as a numbered checklist, with each probe's query as it would run for the given
labels (or why it cannot run), where the runbook came from, and any problems found in it.

The runbook is found in this order: a runbook whose front matter names the alert (and whose
matchers fit the labels), a file named ALERTNAME.md in a runbook folder, the alert's runbook URL
(--runbook-url stands in for the annotation), and last a built-in generic checklist.
Runbook folders: --runbooks.dir, then SITREP_RUNBOOK_DIRS (colon separated), then the config
file's runbooks.dirs, then the runbooks bundled with sitrep. Format: runbooks/README.md.

Flags:
  -l, --label NAME=VALUE  an alert label the probes are filled in with (repeat for more)
  -f, --file PATH         show this runbook file instead of looking one up
  --runbook-url URL       the alert's runbook_url annotation (https, or a path in a runbook folder)
  --runbooks.dir DIR      a runbook folder searched before the others (repeat for more)
  --allow-http            also fetch plain-http runbook URLs
  --runbooks.allowed-host HOST
                          fetch runbook URLs from HOST (repeat for more; also the config file's
                          runbooks.allowed_hosts and SITREP_RUNBOOK_ALLOWED_HOSTS); other URLs are
                          only shown
  --json                  the runbook as JSON (shape in runbooks/README.md)

Exit codes: 0 shown, 1 the file cannot be read, 2 bad usage.`;

/** `sitrep runbook`. */
export const runbookCommand: Command = {
  name: 'runbook',
  help,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs('runbook', args, options);
    const [name, ...extra] = positionals;
    if (extra.length > 0)
      throw new UsageError(
        `runbook: unexpected argument ${JSON.stringify(extra[0])}`,
        'Labels go in --label NAME=VALUE.',
      );
    const labels = parseLabelFlags('runbook', values.label ?? []);
    let view: RunbookView;
    if (values.file !== undefined) {
      const file = path.resolve(context.cwd, values.file);
      const runbook = parseRunbook(readText(file), { fileName: path.basename(file) });
      const alertname = name ?? runbook.alerts[0] ?? '';
      view = {
        alert: { name: alertname, labels: { alertname, ...labels } },
        runbook,
        source: { kind: 'file', path: file },
        matchedBy: 'file-flag',
        notes: [],
      };
    } else {
      if (name === undefined || name.trim() === '') {
        throw new UsageError(
          'runbook: which alert? Give its ALERTNAME, or --file PATH.',
          'Example: sitrep runbook HaproxyServerConnectionErrors --label server=web1',
        );
      }
      const alertLabels = { alertname: name, ...labels };
      const resolved = await lookUpRunbook(
        { name, labels: alertLabels, runbookUrl: values['runbook-url'] },
        context,
        {
          flagDirs: values['runbooks.dir'] ?? [],
          allowHttp: values['allow-http'] ?? false,
          allowedHosts: values['runbooks.allowed-host'] ?? [],
          proxyUrl: proxyOfConfig(context),
        },
      );
      view = { alert: { name, labels: alertLabels }, ...resolved };
    }
    context.stdout.write(
      wantsJson(values, context) ? `${stringifyForTerminal(runbookJson(view))}\n` : runbookText(view),
    );
    return ExitCode.ok;
  },
};

function readText(file: string): string {
  try {
    return readRunbookText(file).text;
  } catch (error) {
    if (!(error instanceof RunbookReadError)) throw error;
    throw new UserError(`runbook: ${error.message}`, { hint: 'Give the path of a markdown runbook.' });
  }
}

// The sources' proxy, for a runbook URL; a config that cannot be resolved gives none (this command
// works without servers, so a broken server setting is for the commands that need one to report).
function proxyOfConfig(context: CommandContext): string | undefined {
  try {
    return runbookProxy(resolveSourceOptions({}, context).config);
  } catch {
    return undefined;
  }
}
