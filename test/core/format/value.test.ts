import { describe, expect, it } from 'vitest';
import { formatPrometheusNumber, formatValue } from '../../../src/core/format/value.js';

describe('formatValue', () => {
  it.each([
    [0, undefined, '0'],
    [249.8178058742776, undefined, '250'],
    [12.345, undefined, '12.3'],
    [1.5, undefined, '1.5'],
    [0.001234, undefined, '0.00123'],
    [1234, undefined, '1.23k'],
    [999.6, undefined, '1k'],
    [2.5e9, undefined, '2.5G'],
    [-4200, undefined, '-4.2k'],
    [7, undefined, '7'],
    [3, 'none', '3'],
    [100, 'None', '100'],
    [0, ' none ', '0'],
    [1048576, 'bytes', '1 MiB'],
    [249.8178, 'req/s', '250 req/s'],
    [12_500, 'req/s', '12.5k req/s'],
    [0.05, 'req/s', '0.05 req/s'],
    [512, 'bytes', '512 B'],
    [1536, 'bytes', '1.5 KiB'],
    [8 * 1024 ** 3, 'bytes', '8 GiB'],
    [1023.9, 'bytes', '1 KiB'],
    [0.000042, 'seconds', '42 µs'],
    [0.25, 'seconds', '250 ms'],
    [1.5, 'seconds', '1.5 s'],
    [59.99, 'seconds', '59 s'],
    [60, 'seconds', '1 min'],
    [90, 'seconds', '1 min 30 s'],
    [253.4, 'seconds', '4 min 13 s'],
    [12.34, 'seconds', '12 s'],
    [7200, 'seconds', '2 h'],
    [3 * 86_400, 'seconds', '3 d'],
    [0, 'seconds', '0 s'],
    [42.42, 'percent', '42.4%'],
    [0.0423, 'ratio', '4.23%'],
    [1e-7, undefined, '1e-7'],
  ] as const)('%s %s → %s', (value, unit, text) => {
    expect(formatValue(value, unit)).toBe(text);
  });

  it('keeps the special floats in Prometheus spelling', () => {
    expect(formatValue(NaN)).toBe('NaN');
    expect(formatValue(Infinity, 'req/s')).toBe('+Inf req/s');
    expect(formatValue(-Infinity, 'seconds')).toBe('-Inf seconds');
    expect(formatPrometheusNumber(Infinity)).toBe('+Inf');
    expect(formatPrometheusNumber(0.1)).toBe('0.1');
  });
});
