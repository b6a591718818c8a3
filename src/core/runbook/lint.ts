// The checks behind `sitrep lint`, pure: the command reads the files and prints the findings.
// Runbooks: everything the parser found wrong, plus probes whose {{ $labels.x }} names a label the
// alert's expression does not keep. Rule files: every expression parses, every {{ $labels.x }} in
// an annotation names a label its expression keeps, and every alert has a runbook.
import { describeKept, keptLabels, mayKeep, type KeptLabels } from '../promql/kept-labels.js';
import { findSyntaxError } from '../promql/parse.js';
import { scanPlaceholders } from '../promql/placeholders.js';
import type { ProbeSpec } from '../probe/probe-spec.js';
import { groupProbeVariants } from '../probe/variants.js';
import type { RuleFileRule } from './rule-file.js';
import type { Runbook, SourcePosition } from './runbook.js';
import { appendAll } from '../bounded.js';

/** One lint finding, printed as `file:line:col: message`. */
export interface LintFinding {
  readonly file: string;
  readonly position: SourcePosition;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/** An alerting rule as lint knows it: its file and its parsed content. */
export interface KnownRule {
  readonly file: string;
  readonly rule: RuleFileRule;
}

/**
 * Lints a parsed runbook. `rules` are the alerting rules lint has seen (any files). Probes are checked
 * against each rule file on its own: an alert comes from one rule, so a label counts only when the
 * rule of that file keeps it (a label kept by the other exporter's rule file does not help). A probe
 * written in variants is fine for a rule file when one of its variants is.
 */
export function lintRunbook(file: string, runbook: Runbook, rules: readonly KnownRule[]): LintFinding[] {
  const findings: LintFinding[] = runbook.problems.map((problem) => ({
    file,
    position: problem.position ?? { line: 1, column: 1 },
    severity: problem.severity,
    message: problem.message,
  }));
  // The expressions that can raise this runbook's alerts: from rule files, else the pasted rule.
  const sources: AlertSource[] = rules
    .filter((known) => runbook.alerts.includes(known.rule.alert))
    .map((known) => ({
      kept: keptLabels(known.rule.expr.value),
      labels: Object.keys(known.rule.labels),
      where: known.file,
    }));
  if (sources.length === 0 && runbook.rule) {
    sources.push({
      kept: keptLabels(runbook.rule.expr),
      labels: Object.keys(runbook.rule.labels),
      where: 'the pasted rule',
    });
  }
  appendAll(findings, lintPastedRule(file, runbook));
  const usable = sources.filter((source): source is UsableSource => source.kept !== undefined);
  for (const step of runbook.steps) {
    for (const group of groupProbeVariants(step.probes)) {
      const lead = group[0] as ProbeSpec;
      const reported = new Set<string>();
      for (const source of usable) {
        for (const message of groupProblems(lead, group, source)) {
          // Two rules of one file for the same alert (e.g. two severities) say the same thing once.
          if (reported.has(message)) continue;
          reported.add(message);
          findings.push({ file, position: lead.position ?? step.position, severity: 'error', message });
        }
      }
    }
  }
  return findings;
}

interface AlertSource {
  readonly kept: KeptLabels | undefined;
  readonly labels: readonly string[];
  readonly where: string;
}

type UsableSource = AlertSource & { readonly kept: KeptLabels };

/** The labels a probe's query needs that alerts from this source never have. */
function missingLabels(spec: ProbeSpec, source: UsableSource): string[] {
  const missing: string[] = [];
  for (const placeholder of scanPlaceholders(spec.query).placeholders) {
    if (placeholder.context.kind === 'comment') continue;
    const label = placeholder.label;
    // Alerts carry the expression's labels, the rule's own labels, and alertname.
    const carried = label === 'alertname' || source.labels.includes(label) || mayKeep(source.kept, label);
    if (!carried && !missing.includes(label)) missing.push(label);
  }
  return missing;
}

function groupProblems(lead: ProbeSpec, group: readonly ProbeSpec[], source: UsableSource): string[] {
  const keeps = `its expression (${source.where}) keeps ${describeKept(source.kept)}`;
  if (group.length === 1 && lead.variant === undefined) {
    return missingLabels(lead, source).map(
      (label) =>
        `probe "${lead.title}" uses {{ $labels.${label} }}, but the alert never has that label: ${keeps}`,
    );
  }
  const misses = group.map((spec) => ({ spec, missing: missingLabels(spec, source) }));
  if (misses.some((m) => m.missing.length === 0)) return [];
  const needs = misses
    .map(
      (m) => `${m.spec.variant ?? 'default'} uses ${m.missing.map((l) => `{{ $labels.${l} }}`).join(', ')}`,
    )
    .join('; ');
  return [`probe "${lead.title}": no variant fits the alert (${needs}): ${keeps}`];
}

// A rule pasted into a runbook is a copy (the rule file is the source of truth), so its mistakes
// are warnings, reported where the pasted block starts.
function lintPastedRule(file: string, runbook: Runbook): LintFinding[] {
  const rule = runbook.rule;
  const kept = rule ? keptLabels(rule.expr) : undefined;
  if (!rule || !kept) return [];
  const findings: LintFinding[] = [];
  for (const [name, text] of Object.entries(rule.annotations)) {
    const labels = new Set(templateLabels(text).map((label) => label.name));
    for (const label of labels) {
      if (mayKeep(kept, label)) continue;
      findings.push({
        file,
        position: rule.position,
        severity: 'warning',
        message: `the pasted rule's annotation ${name} uses $labels.${label}, which is always empty: its expression keeps ${describeKept(kept)}`,
      });
    }
  }
  return findings;
}

/** Lints the alerting rules of one rule file. `hasRunbook` says whether lint could find one for a rule. */
export function lintRules(
  file: string,
  rules: readonly RuleFileRule[],
  hasRunbook: (rule: RuleFileRule) => boolean,
): LintFinding[] {
  const findings: LintFinding[] = [];
  const add = (position: SourcePosition, message: string) =>
    findings.push({ file, position, severity: 'error', message });
  for (const rule of rules) {
    const syntax = findSyntaxError(rule.expr.value);
    if (syntax)
      add(rule.expr.at(syntax.offset), `alert ${rule.alert}: expr does not parse: ${syntax.message}`);
    const kept = syntax ? undefined : keptLabels(rule.expr.value);
    if (kept) {
      for (const [name, annotation] of rule.annotations) {
        const reported = new Set<string>();
        for (const label of templateLabels(annotation.value)) {
          if (mayKeep(kept, label.name) || reported.has(label.name)) continue;
          reported.add(label.name);
          add(
            annotation.find(label.text),
            `alert ${rule.alert}: annotation ${name} uses ${label.text}, which is always empty: the expression keeps ${describeKept(kept)}`,
          );
        }
      }
    }
    if (!hasRunbook(rule)) {
      add(
        rule.position,
        `alert ${rule.alert} has no runbook: add ${rule.alert}.md to a runbook folder, or a runbook annotation`,
      );
    }
  }
  return findings;
}

/** The labels a Go template (an annotation) reads: `$labels.x`, `.Labels.x`, `index $labels "x"`. */
export function templateLabels(template: string): { name: string; text: string }[] {
  const found: { name: string; text: string }[] = [];
  for (let open = template.indexOf('{{'); open !== -1; open = template.indexOf('{{', open + 2)) {
    const close = template.indexOf('}}', open);
    if (close === -1) break;
    const action = template.slice(open, close);
    for (const match of action.matchAll(/(\$labels|\.Labels)\.([A-Za-z_][A-Za-z0-9_]*)/g)) {
      found.push({ name: match[2] ?? '', text: match[0] });
    }
    for (const match of action.matchAll(/index\s+(\$labels|\.Labels)\s+"([^"]+)"/g)) {
      found.push({ name: match[2] ?? '', text: match[0] });
    }
  }
  return found;
}
