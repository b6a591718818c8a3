// The one formatter for values with units, durations and label sets, used by the screen, the CLI and
// the export alike, so the same number never reads two ways.
export { cellWidth, cutCells, fitCells, padCells, padCellsStart, splitCells } from './cells.js';
export { countOf } from './count.js';
export { formatDuration, formatSeconds } from './duration.js';
export { formatLabels, type LabelFormatOptions } from './labels.js';
export { displayUnit, formatPrometheusNumber, formatValue } from './value.js';
