import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fillProbeQuery } from '../../../src/core/promql/fill.js';
import { findSyntaxError, parsePromql } from '../../../src/core/promql/parse.js';
import { labelValue } from './arbitraries.js';
import { goUnquote } from './go-unquote.js';

function filled(template: string, labels: Record<string, string>): string {
  const result = fillProbeQuery(template, labels);
  if (!result.ok) throw new Error(result.message);
  return result.query;
}

/** The decoded values of every string literal of a query, in order. */
function literals(query: string): string[] {
  const values: string[] = [];
  const cursor = parsePromql(query).cursor();
  do if (cursor.name === 'StringLiteral') values.push(goUnquote(query.slice(cursor.from, cursor.to)));
  while (cursor.next());
  return values;
}

describe('fillProbeQuery', () => {
  it('fills every placeholder spelling', () => {
    const labels = { server: 'web1' };
    for (const placeholder of [
      '{{ $labels.server }}',
      '{{$labels.server}}',
      '{{ .Labels.server }}',
      '{{- $labels.server -}}',
    ]) {
      expect(filled(`up{server="${placeholder}"}`, labels)).toBe('up{server="web1"}');
    }
  });

  it('escapes for the quote the placeholder sits in', () => {
    const labels = { v: `it's "x"` };
    expect(filled('up{v="{{ $labels.v }}"}', labels)).toBe(`up{v="it's \\"x\\""}`);
    expect(filled("up{v='{{ $labels.v }}'}", labels)).toBe(`up{v='it\\'s "x"'}`);
  });

  it('rewrites a backtick literal that receives a value as a double-quoted one', () => {
    const query = filled('up{v=~`\\d+-{{ $labels.v }}`}', { v: 'a`b' });
    expect(query).toBe('up{v=~"\\\\d+-a`b"}');
    expect(literals(query)).toEqual(['\\d+-a`b']);
  });

  it('escapes regex syntax after =~ and !~, and not after = and !=', () => {
    const labels = { v: 'a.b|c' };
    expect(literals(filled('up{x=~"{{ $labels.v }}", y!~"{{ $labels.v }}"}', labels))).toEqual([
      'a\\.b\\|c',
      'a\\.b\\|c',
    ]);
    expect(literals(filled('up{x="{{ $labels.v }}", y!="{{ $labels.v }}"}', labels))).toEqual([
      'a.b|c',
      'a.b|c',
    ]);
  });

  it("treats label_replace's fifth argument as a regex and the others as plain strings", () => {
    const query = filled('label_replace(up, "d", "{{ $labels.v }}", "s", "{{ $labels.v }}")', { v: 'a+' });
    expect(literals(query)).toEqual(['d', 'a+', 's', 'a\\+']);
  });

  it('keeps the text around a placeholder inside the same literal', () => {
    expect(filled('up{instance=~"{{ $labels.host }}:.*"}', { host: '10.0.0.1' })).toBe(
      'up{instance=~"10\\\\.0\\\\.0\\\\.1:.*"}',
    );
  });

  it('leaves placeholders in comments alone', () => {
    expect(filled('up # for {{ $labels.missing }}', {})).toBe('up # for {{ $labels.missing }}');
  });

  it('names the label the alert lacks', () => {
    const result = fillProbeQuery('up{server="{{ $labels.server }}", proxy="{{ $labels.proxy }}"}', {
      proxy: 'app',
    });
    expect(result).toMatchObject({ ok: false, missingLabels: ['server'] });
    expect(!result.ok && result.message).toContain('"server"');
  });

  it('does not run a query whose value is a note to fill in by hand, and names it', () => {
    const template =
      'node_filesystem_files_free{\n  instance="<value of instance label from alert>",\n  mountpoint="/"\n}';
    const result = fillProbeQuery(template, { instance: 'node1:9100' });
    expect(result).toMatchObject({ ok: false, missingLabels: [] });
    expect(!result.ok && result.message).toBe(
      'the query holds "<value of instance label from alert>", a value to fill in by hand (a runbook writes {{ $labels.NAME }} for sitrep to fill it)',
    );
    // A real value in angle brackets runs.
    expect(filled('kube_pod_info{node="<none>", pod="{{ $labels.pod }}"}', { pod: 'p' })).toBe(
      'kube_pod_info{node="<none>", pod="p"}',
    );
  });

  it('refuses a placeholder outside a string literal, so a value is never pasted in as code', () => {
    const result = fillProbeQuery('rate(x[{{ $labels.window }}])', { window: '5m]) or vector(1' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain('inside a quoted string');
  });

  it('refuses a placeholder in a label name and templates other than $labels', () => {
    expect(fillProbeQuery('up{"{{ $labels.n }}"="x"}', { n: 'job' }).ok).toBe(false);
    const value = fillProbeQuery('up > {{ $value }}', {});
    expect(!value.ok && value.message).toContain('{{ $value }}');
  });

  it('reports a template that does not parse with its position', () => {
    const result = fillProbeQuery('sum(rate(x[5m])', {});
    expect(!result.ok && result.message).toMatch(/does not parse: 1:\d+:/);
  });

  it('for any label values, the filled query parses and each literal decodes to the value', () => {
    const templates = [
      'up{v="{{ $labels.v }}"}',
      "up{v='{{ $labels.v }}'}",
      'up{v=`{{ $labels.v }}`}',
      'up{v!="{{ $labels.v }}", w="{{ $labels.w }}"}',
      'sum by (v) (rate(x{v="pre-{{ $labels.v }}-post"}[5m])) # {{ $labels.v }}',
    ];
    fc.assert(
      fc.property(labelValue, labelValue, fc.constantFrom(...templates), (v, w, template) => {
        const query = filled(template, { v, w });
        expect(findSyntaxError(query)).toBeUndefined();
        const decoded = literals(query);
        expect(decoded[0]).toBe(template.includes('pre-') ? `pre-${v}-post` : v);
        if (template.includes('w=')) expect(decoded[1]).toBe(w);
      }),
      { numRuns: 500 },
    );
  });

  it('for any label value, a regex placeholder matches exactly that value', () => {
    fc.assert(
      fc.property(labelValue, fc.constantFrom('"', "'", '`'), (v, quote) => {
        const query = filled(`up{v=~${quote}{{ $labels.v }}${quote}}`, { v });
        expect(findSyntaxError(query)).toBeUndefined();
        const [regex] = literals(query);
        const anchored = new RegExp(`^(?:${regex ?? ''})$`, 'u');
        expect(anchored.test(v)).toBe(true);
        expect(anchored.test(`${v}.`)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
