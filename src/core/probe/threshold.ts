import type { Threshold } from './probe-spec.js';

const operators = ['>=', '<=', '==', '!=', '>', '<'] as const;

/**
 * Parses a threshold attribute such as `> 100`, `<=0.5`, `!= 0` or `> +Inf`. A bare number means
 * `>`. Returns undefined for anything else, so the caller can report where it was written.
 */
export function parseThreshold(text: string): Threshold | undefined {
  const trimmed = text.trim();
  const op = operators.find((candidate) => trimmed.startsWith(candidate));
  const rest = (op === undefined ? trimmed : trimmed.slice(op.length)).trim();
  const value = parseNumber(rest);
  if (value === undefined) return undefined;
  return { op: op ?? '>', value };
}

function parseNumber(text: string): number | undefined {
  const lower = text.toLowerCase();
  if (lower === '+inf' || lower === 'inf') return Infinity;
  if (lower === '-inf') return -Infinity;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) return undefined;
  return Number(text);
}

/** True when `value` meets the threshold. NaN never does, so it can not raise a false alarm. */
export function crosses(value: number, threshold: Threshold): boolean {
  if (Number.isNaN(value)) return false;
  switch (threshold.op) {
    case '>':
      return value > threshold.value;
    case '>=':
      return value >= threshold.value;
    case '<':
      return value < threshold.value;
    case '<=':
      return value <= threshold.value;
    case '==':
      return value === threshold.value;
    case '!=':
      return value !== threshold.value;
    default: {
      const unreachable: never = threshold.op;
      return unreachable;
    }
  }
}

/** `> 100`, for display. */
export function formatThreshold(threshold: Threshold): string {
  return `${threshold.op} ${threshold.value}`;
}
