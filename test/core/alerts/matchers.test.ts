import { describe, expect, it } from 'vitest';
import { formatMatcher, MatcherError, matchesAll, parseMatchers } from '../../../src/core/alerts/matchers.js';

const labels = { alertname: 'HaproxyServerConnectionErrors', server: 'web1', severity: 'critical' };

describe('parseMatchers', () => {
  it('reads the four operators, quoted or not', () => {
    expect(parseMatchers('severity="critical"')).toEqual([{ name: 'severity', op: '=', value: 'critical' }]);
    expect(parseMatchers('server=~"web[0-9]"')).toEqual([{ name: 'server', op: '=~', value: 'web[0-9]' }]);
    expect(parseMatchers('env!=prod')).toEqual([{ name: 'env', op: '!=', value: 'prod' }]);
    expect(parseMatchers(' job !~ "node|blackbox" ')).toEqual([
      { name: 'job', op: '!~', value: 'node|blackbox' },
    ]);
  });

  it('reads a braced list, with commas and escapes inside quoted values', () => {
    expect(parseMatchers('{a="b",c=~"d.*", e="x,\\"y\\"" }')).toEqual([
      { name: 'a', op: '=', value: 'b' },
      { name: 'c', op: '=~', value: 'd.*' },
      { name: 'e', op: '=', value: 'x,"y"' },
    ]);
    expect(parseMatchers('{}')).toEqual([]);
  });

  it('takes a bare word as the alert name, as amtool does', () => {
    expect(parseMatchers('HaproxyServerConnectionErrors')).toEqual([
      { name: 'alertname', op: '=', value: 'HaproxyServerConnectionErrors' },
    ]);
  });

  it('rejects what is not a matcher, saying what is wrong', () => {
    expect(() => parseMatchers('severity')).not.toThrow();
    expect(() => parseMatchers('1abc="x"')).toThrow(/expected a label name/);
    expect(() => parseMatchers('a~"x"')).toThrow(/expected =, !=, =~ or !~/);
    expect(() => parseMatchers('a="x')).toThrow(/unterminated/);
    expect(() => parseMatchers('{a="x"')).toThrow(/missing closing/);
    expect(() => parseMatchers('a=~"("')).toThrow(MatcherError);
    expect(() => parseMatchers('a="x" b="y"')).toThrow(/expected ","/);
  });

  it('writes a matcher back in a form it reads again', () => {
    const matcher = { name: 'a', op: '!~' as const, value: 'x"\\y\nz' };
    expect(parseMatchers(formatMatcher(matcher))).toEqual([matcher]);
  });
});

describe('matchesAll', () => {
  const match = (text: string) => matchesAll(parseMatchers(text), labels);

  it('compares equality and inequality, a missing label counting as empty', () => {
    expect(match('severity="critical"')).toBe(true);
    expect(match('severity="warning"')).toBe(false);
    expect(match('server!="web2"')).toBe(true);
    expect(match('team=""')).toBe(true);
    expect(match('team!="ops"')).toBe(true);
  });

  it('anchors regular expressions at both ends', () => {
    expect(match('server=~"web"')).toBe(false);
    expect(match('server=~"web.*"')).toBe(true);
    expect(match('server!~"web[23]"')).toBe(true);
    expect(match('server=~"(?i)WEB1"')).toBe(true);
  });

  it('needs every matcher to match', () => {
    expect(match('{severity="critical",server="web1"}')).toBe(true);
    expect(match('{severity="critical",server="web2"}')).toBe(false);
  });
});
