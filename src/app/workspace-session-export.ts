// What a session makes from its journal for use outside sitrep: the postmortem notes written to a
// file, and links to Prometheus's graph page over the incident's time range.
import fs from 'node:fs/promises';
import path from 'node:path';
import { graphRange, graphUrl } from '../core/export/mermaid.js';
import type { Journal } from '../store/journal.js';
import type { ExportFormat } from './services.js';
import type { SessionDeps } from './workspace-session-deps.js';

/** Writes the postmortem notes in `format` to `file`, times in the zone of the incident's opening. */
export async function exportIncidentNotes(
  journal: Journal,
  format: ExportFormat,
  file: string,
  deps: Pick<SessionDeps, 'now' | 'zone' | 'prometheusUrl'>,
): Promise<string> {
  const events = journal.events();
  const openedAt = journal.incident()?.openedAt ?? new Date(deps.now()).toISOString();
  const options = {
    zone: deps.zone(openedAt),
    ...(deps.prometheusUrl === undefined ? {} : { prometheusUrl: deps.prometheusUrl }),
  };
  // Each exporter loads when asked for (the HTML one holds a Markdown renderer), not as a session opens.
  const text =
    format === 'json'
      ? (await import('../core/export/json-export.js')).exportJson(events)
      : format === 'html'
        ? (await import('../core/export/html.js')).exportHtml(events, options)
        : (await import('../core/export/markdown.js')).exportMarkdown(events, options);
  const target = path.resolve(file);
  await fs.writeFile(target, text);
  return target;
}

/** Prometheus's graph page for `query` over the incident's time range; undefined without Prometheus. */
export function incidentGraphLink(
  journal: Journal,
  query: string,
  deps: Pick<SessionDeps, 'now' | 'prometheusUrl'>,
): string | undefined {
  const incident = journal.incident();
  const range = incident ? graphRange(incident, deps.now()) : undefined;
  if (deps.prometheusUrl === undefined || range === undefined) return undefined;
  return graphUrl(deps.prometheusUrl, query, range.start, range.end);
}
