// `sitrep alerts` (and amtool's `sitrep alert query`): what is firing, from every configured
// source, as a table or JSON.
import { ExitCode } from '../../core/errors.js';
import { fetchAllAlerts } from '../../sources/alert-sources.js';
import type { Command } from '../command.js';
import { parseCommandArgs } from '../parse-args.js';
import { globalFlagsHelp } from '../global-flags.js';
import { printWarnings, resolveSourceOptionsQuickly } from '../source-resolve.js';
import { filterArguments } from './alert-filter-args.js';

const options = {
  filter: { type: 'string', multiple: true, short: 'f' },
  silenced: { type: 'boolean' },
  inhibited: { type: 'boolean' },
} as const;

const help = `Usage: sitrep alerts [flags] [FILTER...]
       sitrep alert query [flags] [FILTER...]      (amtool's spelling; the same command)

Lists firing alerts from every configured Alertmanager (an HA cluster is deduplicated) and
Prometheus (which adds pending alerts, and alerts no Alertmanager has), most severe first and,
within a severity, oldest first (then by name and labels: the inbox's order). Silenced and
inhibited alerts are left out unless asked for.

Filters (one rule, shared with the screen's / filter): each argument is split at spaces outside
quotes and braces, and every part must hold.
  a part with =, !=, =~ or !~ (or braces) is an Alertmanager matcher:
      'severity="critical"'  'instance=~"web.*"'  '{job!="node",env!~"dev|test"}'
      'severity=critical instance=~"web.*"'     (two matchers in one argument)
  a bare word (no operator) must appear, in any case, in the alert's name, a label value or its
  summary; it is a search, not amtool's alertname (write alertname=X for that):
      sitrep alerts haproxy web1
  A broken matcher is an error saying what is wrong. When filters hide every alert, sitrep says
  so and how many fire: No alert matches \`…\` (N firing).

Flags:
  -f, --filter FILTER    the same as a FILTER argument (repeat for more)
  --silenced             also list silenced alerts
  --inhibited            also list inhibited alerts

${globalFlagsHelp}

Output: a table (SEVERITY, ALERTNAME, LABELS, AGE, STATE, SOURCE; -o extended or wide adds
SUMMARY and RUNBOOK), or with -o json / --json the documented shape in README.md ("sitrep alerts").

Exit codes: 0 listed (even if none), 1 a configured source failed (the others are still listed,
and each failure is a warning on stderr), 2 bad usage or config.`;

/** `sitrep alerts`. */
export const alertsCommand: Command = {
  name: 'alerts',
  help,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs('alerts', args, options);
    const filterTexts = [...(values.filter ?? []), ...positionals];
    const filter = filterArguments(filterTexts);
    const { config, warnings, unconfigured } = await resolveSourceOptionsQuickly({}, context);
    printWarnings(warnings, context);
    // The request goes out first; what reads and prints the answer loads while the servers work
    // on it (Alertmanager takes ~250 ms to answer 10,000 alerts).
    const [fetched, { showAlerts }] = await Promise.all([
      fetchAllAlerts(config, filter.matchers),
      import('./alerts-output.js'),
    ]);
    const failed = await showAlerts(fetched, {
      config,
      filter,
      filterTexts,
      unconfigured,
      muted: { silenced: values.silenced === true, inhibited: values.inhibited === true },
      context,
    });
    return failed ? ExitCode.failure : ExitCode.ok;
  },
};
