import { describe, expect, it } from 'vitest';
import { filterNarrows, filterParts, parseFilter, passesFilter } from '../../../src/core/alerts/filter.js';
import { noMatchText } from '../../../src/core/alerts/no-match-text.js';
import { formatMatcher, MatcherError } from '../../../src/core/alerts/matchers.js';
import { testAlert } from '../../helpers/alerts.js';

const conn1 = testAlert({ alertname: 'HaproxyServerConnectionErrors', server: 'web1', severity: 'critical' });
const conn2 = testAlert({ alertname: 'HaproxyServerConnectionErrors', server: 'web2', severity: 'critical' });
const slow = testAlert(
  { alertname: 'HaproxyHttpSlowingDown', proxy: 'app', severity: 'warning' },
  { annotations: { summary: 'Responses from the web tier are slow' } },
);
const disk = testAlert({ alertname: 'DiskFull', instance: 'db1', severity: 'critical' });
const all = [slow, conn1, disk, conn2];
const names = (text: string | string[]) =>
  all.filter((a) => passesFilter(parseFilter(text), a)).map((a) => a.labels['server'] ?? a.name);

describe('filterParts', () => {
  it.each([
    ['', []],
    ['  haproxy   web1 ', ['haproxy', 'web1']],
    ['severity=critical instance=~"web.*"', ['severity=critical', 'instance=~"web.*"']],
    ['server="web 1" disk', ['server="web 1"', 'disk']],
    ['summary="say \\"hi there\\"" x', ['summary="say \\"hi there\\""', 'x']],
    ['{job="a", env!="dev"} web', ['{job="a", env!="dev"}', 'web']],
    ['server="web 1', ['server="web 1']],
    ['{job="a", env', ['{job="a", env']],
  ])('splits %j into %j', (text, parts) => {
    expect(filterParts(text)).toEqual(parts);
  });
});

describe('parseFilter', () => {
  it.each([
    ['', [], []],
    ['haproxy WEB1', [], ['haproxy', 'web1']],
    ['severity=critical', ['severity="critical"'], []],
    ['severity=critical instance=~"web.*"', ['severity="critical"', 'instance=~"web.*"'], []],
    ['severity!="info" disk', ['severity!="info"'], ['disk']],
    ['{job!="node",env!~"dev|test"}', ['job!="node"', 'env!~"dev|test"'], []],
    ['{job="a", env="b"} web', ['job="a"', 'env="b"'], ['web']],
    ['server="web 1"', ['server="web 1"'], []],
    ['DiskFull', [], ['diskfull']],
  ])('reads %j as matchers %j and words %j', (text, matchers, words) => {
    const filter = parseFilter(text);
    expect(filter.matchers.map(formatMatcher)).toEqual(matchers);
    expect(filter.words).toEqual(words);
    expect(filter.empty).toBe(matchers.length === 0 && words.length === 0);
  });

  it('reads several texts (the CLI’s arguments) as one filter', () => {
    const filter = parseFilter(['severity=critical web1', '{server=~"web.*"}']);
    expect(filter.matchers.map(formatMatcher)).toEqual(['severity="critical"', 'server=~"web.*"']);
    expect(filter.words).toEqual(['web1']);
  });

  it.each([
    ['server="web1', /unterminated quoted value/],
    ['instance=~"web("', /bad regular expression/],
    ['severity~critical', /expected =, !=, =~ or !~ after "severity"/],
    ['=critical', /expected a label name at position 1/],
    ['{job="a"', /missing closing "}"/],
    ['web severity=critical instance=~"("', /invalid matcher "instance=~.*bad regular expression/],
  ])('says in words what is wrong with %j', (text, problem) => {
    expect(() => parseFilter(text)).toThrow(MatcherError);
    expect(() => parseFilter(text)).toThrow(problem);
  });
});

describe('passesFilter', () => {
  it('applies every matcher', () => {
    expect(names('severity="warning"')).toEqual(['HaproxyHttpSlowingDown']);
    expect(names('{alertname=~"Haproxy.*",server!="web1"}')).toEqual(['HaproxyHttpSlowingDown', 'web2']);
    expect(names('severity=critical server=~"web.*"')).toEqual(['web1', 'web2']);
  });

  it('finds every bare word, in any case, in the name, a label value or the summary', () => {
    expect(names('haproxy WEB2')).toEqual(['web2']);
    expect(names('db1')).toEqual(['DiskFull']);
    expect(names('tier')).toEqual(['HaproxyHttpSlowingDown']);
    // Label names are not searched: "instance" is only a label name here.
    expect(names('instance')).toEqual([]);
    expect(names('')).toEqual(['HaproxyHttpSlowingDown', 'web1', 'DiskFull', 'web2']);
  });

  it('combines matchers and words', () => {
    expect(names('severity=critical haproxy')).toEqual(['web1', 'web2']);
    expect(names(['severity=critical', 'web2'])).toEqual(['web2']);
  });
});

describe('noMatchText', () => {
  it('repeats the filter as typed, sanitized, with the count of alerts firing', () => {
    expect(noMatchText('severity=critical web9', 12_345)).toBe(
      'No alert matches `severity=critical web9` (12,345 firing).',
    );
    expect(noMatchText('x\u001b[2Jy', 1)).toBe('No alert matches `xy` (1 firing).');
  });
});

describe('filterNarrows', () => {
  it.each([
    ['', 'web', true],
    ['htt', 'http', true],
    ['web db', 'db1 web2', true],
    ['severity=critical', 'severity=critical web', true],
    ['severity=critical', 'severity="critical" instance=~"web.*"', true],
    ['http', 'htt', false],
    ['web', 'severity=critical', false],
    ['severity=critical', 'severity=warning', false],
    ['instance=~"web.*"', 'instance=~"web1.*"', false],
  ])('%j → %j narrows: %s', (previous, next, narrows) => {
    expect(filterNarrows(parseFilter(previous), parseFilter(next))).toBe(narrows);
  });

  it('is true only when the narrower filter passes nothing the wider one rejects', () => {
    const pairs = [
      ['web', 'web2'],
      ['severity=critical', 'severity=critical haproxy'],
    ];
    for (const [previous, next] of pairs) {
      const wide = parseFilter(previous ?? '');
      const narrow = parseFilter(next ?? '');
      expect(filterNarrows(wide, narrow)).toBe(true);
      for (const alert of all) if (passesFilter(narrow, alert)) expect(passesFilter(wide, alert)).toBe(true);
    }
  });
});
