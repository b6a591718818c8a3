// The postmortem as one self-contained HTML file: the Markdown export rendered to HTML (raw HTML
// in it is never passed through: everything untrusted was escaped for Markdown, and micromark
// escapes whatever HTML remains), with each Mermaid chart replaced by an inline SVG of the same
// data. No scripts, no external resources (a Content-Security-Policy forbids them too).
import type { TimelineEvent } from '../timeline/events.js';
import { fold } from '../timeline/fold.js';
import { detectionInputFromIncident } from './detection-lag.js';
import { renderMarkdown } from './html-render.js';
import { escapeHtml } from './html-text.js';
import { exportMarkdown, type MarkdownOptions } from './markdown.js';
import { svgCharts } from './svg-chart.js';

const style = [
  'body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}',
  'table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}',
  'code{background:#f3f3f3;padding:0 .2rem}svg.chart{max-width:100%;height:auto;font-size:11px;fill:#444}',
].join('');

/** The postmortem notes as HTML. Throws if there is no incident-opened event (as exportMarkdown). */
export function exportHtml(events: readonly TimelineEvent[], options: MarkdownOptions): string {
  const incident = options.incident ?? fold(events);
  const markdown = exportMarkdown(events, { ...options, ...(incident === undefined ? {} : { incident }) });
  const detection = options.detection ?? (incident ? detectionInputFromIncident(incident) : undefined);
  const charts = detection ? svgCharts(detection) : [];
  // The Mermaid blocks are top-level blocks: the text between them renders on its own.
  const pieces = markdown.split(/^```mermaid\n[\s\S]*?^```\n/m);
  const body = pieces
    .map((piece, i) => `${renderMarkdown(piece)}${i < pieces.length - 1 ? `\n${charts[i] ?? ''}\n` : ''}`)
    .join('');
  const title = escapeHtml(`Postmortem: ${incident?.title ?? ''}`);
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    `<style>${style}</style>`,
    '</head>',
    '<body>',
    body.trim(),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
