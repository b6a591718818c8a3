import { describe, expect, it } from 'vitest';
import { isAllowedRunbookHost, splitHostList } from '../../../src/core/config/runbook-hosts.js';

describe('isAllowedRunbookHost', () => {
  it('allows only the hosts named: exact, with a port, or every subdomain of *.domain', () => {
    const allowed = ['Wiki.Example.com', 'git.example.com:8443', '*.corp.example'];
    expect(isAllowedRunbookHost('https://wiki.example.com/rb/Down.md', allowed)).toBe(true);
    expect(isAllowedRunbookHost('https://wiki.example.com:444/rb', allowed)).toBe(true);
    expect(isAllowedRunbookHost('https://git.example.com:8443/x', allowed)).toBe(true);
    expect(isAllowedRunbookHost('https://git.example.com/x', allowed)).toBe(false);
    expect(isAllowedRunbookHost('https://docs.corp.example/x', allowed)).toBe(true);
    expect(isAllowedRunbookHost('https://a.b.corp.example/x', allowed)).toBe(true);
    expect(isAllowedRunbookHost('https://corp.example/x', allowed)).toBe(false);
    expect(isAllowedRunbookHost('https://evilcorp.example/x', allowed)).toBe(false);
    expect(isAllowedRunbookHost('https://wiki.example.com.evil.io/x', allowed)).toBe(false);
    expect(isAllowedRunbookHost('https://user@evil.io/wiki.example.com', allowed)).toBe(false);
    expect(isAllowedRunbookHost('not a url', allowed)).toBe(false);
    expect(isAllowedRunbookHost('https://wiki.example.com/x', [])).toBe(false);
  });

  it('reads a comma-separated list', () => {
    expect(splitHostList(' a.example, ,b.example:8443 ')).toEqual(['a.example', 'b.example:8443']);
    expect(splitHostList(undefined)).toEqual([]);
  });
});
