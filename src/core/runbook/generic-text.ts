// The runbook sitrep opens when an alert has none of its own: a general checklist that starts from
// the alert's own expression and then walks the usual causes: what changed, what is saturated, what
// fails, and what the service depends on. It is written as markdown and read by the same parser as
// every other runbook, so it looks and behaves like one. Probes are added only for the labels the
// alert has (a `job` or an `instance` to narrow them), so none of them is unrunnable. This module
// writes the text without the Markdown parser, so that finding a runbook whose parse is cached
// does not load the parser.
import type { LabelSet } from '../alerts/alert.js';
import { largest } from '../bounded.js';
import { sanitizeLine } from '../sanitize-text.js';

/** What the generic runbook is built from. */
export interface GenericRunbookInput {
  readonly name: string;
  readonly labels: LabelSet;
  /** The alert rule's expression, when known (from Prometheus, or the alert's generator URL). */
  readonly expression?: string | undefined;
}

/**
 * The alert rule's expression from an alert's generator URL: Prometheus links each alert to its
 * graph page, `…/graph?g0.expr=<expression>&g0.tab=1`. Undefined for any other URL.
 */
export function expressionFromGeneratorUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const expr = new URL(url).searchParams.get('g0.expr');
    return expr?.trim() ? expr : undefined;
  } catch {
    return undefined;
  }
}

/** The generic runbook's markdown, for one alert. */
export function genericRunbookText(alert: GenericRunbookInput): string {
  const scope = scopeOf(alert.labels);
  // The alert name as every other place shows it (the one sanitizer: an escape sequence goes whole),
  // written so the parser reads it back literally: YAML's double-quoted string is a superset of
  // JSON's, and in the heading every ASCII punctuation character is backslash-escaped.
  const name = sanitizeLine(alert.name);
  return [
    `---\nalert: ${JSON.stringify(name)}\n---`,
    `# ${name === '' ? 'Alert' : name.replace(/[!-/:-@[-`{-~]/g, '\\$&')}: generic checklist`,
    '## Meaning',
    'sitrep found no runbook for this alert, so this is a general checklist. It starts from what the alert measures, then goes through the usual causes: something changed, something is saturated, something fails, or something the service depends on is in trouble.',
    '## Impact',
    "Not known from here. Read the alert's summary and description, work out who is affected, and say so early in the incident channel.",
    '## Diagnosis',
    expressionStep(alert.expression),
    changesStep(scope),
    saturationStep(scope),
    errorsStep(scope),
    dependenciesStep(),
    '## Mitigation',
    [
      '1. If a recent change lines up with the start of the alert, roll it back first and look for the cause afterwards.',
      '2. If the service is saturated, add capacity (more replicas, higher limits) or shed load (rate limits, switching off non-essential work).',
      "3. If a dependency fails, follow that dependency's runbook or page its owners, and fail over if there is somewhere to fail over to.",
      '4. If the cause is still unclear after fifteen minutes, escalate to the owners of the service and tell them what you have ruled out; the incident timeline lists it.',
      '5. Once it is over, write a runbook for this alert (see runbooks/README.md) so the next person gets a real plan.',
    ].join('\n'),
  ].join('\n\n');
}

// A label selector for the service's own series, written with placeholders so the probe engine
// escapes the values: `job="{{ $labels.job }}"`, else the instance.
function scopeOf(labels: LabelSet): string | undefined {
  if (labels['job'] !== undefined) return 'job="{{ $labels.job }}"';
  if (labels['instance'] !== undefined) return 'instance="{{ $labels.instance }}"';
  return undefined;
}

function expressionStep(expression: string | undefined): string {
  const lead =
    '1. Read what the alert measures and how that value moved over the last hour: a slow climb points at growth or a leak, a jump at a change or a failure. sitrep runs the expression as the first probe, "Alert expression".';
  if (!expression?.trim()) return lead;
  return `${lead}\n\n${indent(fenced(expression.trim(), 'text'))}`;
}

function changesStep(scope: string | undefined): string {
  const text =
    '2. Look for what changed shortly before the alert started: a deploy, a configuration push, a feature flag, a certificate or DNS change, an infrastructure change. Restarted processes are a sign of a deploy or of crashes.';
  if (!scope) return text;
  return `${text}\n\n${indent(probe('Process restarts in the last hour', 'warn="> 0" range="6h"', `sum by (instance) (changes(process_start_time_seconds{${scope}}[1h]))`))}`;
}

function saturationStep(scope: string | undefined): string {
  const text =
    '3. Check whether the service runs out of something: CPU, memory, file descriptors, connections, disk. A resource near its limit slows everything down before it fails outright.';
  if (!scope) return text;
  return [
    text,
    indent(
      probe(
        'CPU used, in cores',
        'range="1h" unit="cores"',
        `sum by (instance) (rate(process_cpu_seconds_total{${scope}}[5m]))`,
      ),
    ),
    indent(
      probe(
        'Resident memory',
        'range="6h" unit="bytes"',
        `sum by (instance) (process_resident_memory_bytes{${scope}})`,
      ),
    ),
    indent(
      probe(
        'Open file descriptors, share of the limit',
        'warn="> 80" crit="> 95" range="1h" unit="percent"',
        `max by (instance) (process_open_fds{${scope}} / process_max_fds{${scope}}) * 100`,
      ),
    ),
  ].join('\n\n');
}

function errorsStep(scope: string | undefined): string {
  const text =
    "4. Look at the service's errors and logs from the minutes before the alert: the first new error message is often the cause, the later ones its consequences.";
  if (!scope) return text;
  return `${text}\n\n${indent(probe('Targets Prometheus can scrape (1) or not (0)', 'crit="< 1" range="1h"', `up{${scope}}`))}`;
}

function dependenciesStep(): string {
  return `5. Check what the service depends on (databases, queues, caches, DNS, upstream APIs, the network). Other alerts firing at the same time often point at a shared cause.\n\n${indent(
    probe(
      'Alerts firing right now, by name',
      'range="1h"',
      'count by (alertname) (ALERTS{alertstate="firing"})',
    ),
  )}`;
}

function probe(title: string, attributes: string, query: string): string {
  return fenced(query, `promql title="${title}" ${attributes}`);
}

// A fence longer than any run of backticks inside, so no text can end the block early.
function fenced(body: string, info: string): string {
  const longest = largest(
    [...body.matchAll(/`+/g)].map((run) => run[0].length),
    0,
  );
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${body}\n${fence}`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : `   ${line}`))
    .join('\n');
}
