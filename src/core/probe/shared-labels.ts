// The labels every series of a probe shares, for listings whose label column is cut: a probe such
// as `haproxy_server_status` returns series that all start `{instance="…", job="…", …}`, so every
// cut row reads the same and none says which server it is. Those labels are left out of the rows
// and shown once above them; when every row fits, nothing is left out.
import { cellWidth, formatLabels } from '../format/index.js';
import { sanitizeLine, type SafeText } from '../sanitize-text.js';
import type { SeriesResult } from './result.js';

/** The label names every series has with the same value, when some series' labels are wider than `labelWidth`. */
export function sharedLabels(series: readonly SeriesResult[], labelWidth: number): readonly string[] {
  const first = series[0];
  if (first === undefined || series.length < 2) return [];
  if (series.every((one) => cellWidth(formatLabels(one.labels)) <= labelWidth)) return [];
  return Object.keys(first.labels).filter((name) =>
    series.every((one) => one.labels[name] === first.labels[name]),
  );
}

/** `all 110 series: haproxy_server_status{instance="…", job="…"}`: the shared labels, once. */
export function sharedLabelsLine(series: readonly SeriesResult[], shared: readonly string[]): SafeText {
  const first = series[0]?.labels ?? {};
  const labels = Object.fromEntries(shared.map((name) => [name, first[name] ?? '']));
  return sanitizeLine(`all ${series.length} series: ${formatLabels(labels)}`);
}
