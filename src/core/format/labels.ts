// A label set the way PromQL writes a series: the metric name, then the other labels in name order,
// quoted and escaped as in JSON: `up{job="node", server="web1"}`. Label values are untrusted: each
// is sanitized (escape sequences and controls removed whole) and then quoted, ready to draw.
import type { LabelSet } from '../alerts/alert.js';
import { sanitizeLine, sanitizeText, type SafeText } from '../sanitize-text.js';

/** Options for {@link formatLabels}. */
export interface LabelFormatOptions {
  /** Label names left out (e.g. `alertname`, or labels every alert of a group shares). */
  readonly omit?: readonly string[];
}

/** `name{a="1", b="2"}`; `{}` for an empty set; `__name__` as the bare metric name in front. */
export function formatLabels(labels: LabelSet, options: LabelFormatOptions = {}): SafeText {
  const omit = new Set(options.omit ?? []);
  const { __name__: name, ...rest } = labels;
  const metric = name === undefined || omit.has('__name__') ? '' : name;
  const pairs = Object.keys(rest)
    .filter((key) => !omit.has(key))
    .sort()
    // Each value is sanitized before it is quoted: quoting first would write ESC as a visible
    // `\u001b` and leave the rest of its sequence (`[31m`) as text, while the C1 controls, which
    // JSON leaves as they are, were stripped whole. Every control goes the same way, as in all other
    // text sitrep shows; newlines and tabs stay, quoted as `\n` and `\t`.
    .map((key) => `${key}=${JSON.stringify(sanitizeText(rest[key] ?? ''))}`);
  const body = pairs.length > 0 || metric === '' ? `{${pairs.join(', ')}}` : '';
  return sanitizeLine(`${metric}${body}`);
}
