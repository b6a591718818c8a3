import { describe, expect, it } from 'vitest';
import {
  jsonMayHideSecret,
  mayHideSecret,
  redactEveryRule,
  redactSecrets,
  secretNames,
} from '../../../src/core/export/redact.js';
import { textsFrom } from '../../helpers/seeded-random.js';

describe('redactSecrets', () => {
  it('drops user and password from URLs, keeping the host and path', () => {
    expect(redactSecrets('see https://user:pass@host.example:8443/x?y=1')).toBe(
      'see https://host.example:8443/x?y=1',
    );
    expect(redactSecrets('git clone https://ghtoken@github.com/o/r')).toBe(
      'git clone https://github.com/o/r',
    );
    expect(redactSecrets('mail bob@example.com')).toBe('mail bob@example.com');
  });

  it('hides token and password parameters and assignments', () => {
    expect(redactSecrets('https://h/p?access_token=abc123&page=2')).toBe(
      'https://h/p?access_token=REDACTED&page=2',
    );
    expect(redactSecrets('https://h/p?x=1&api_key=zzz')).toBe('https://h/p?x=1&api_key=REDACTED');
    expect(redactSecrets('password: hunter2, then')).toBe('password: REDACTED, then');
    expect(redactSecrets('export TOKEN="abc.def"')).toBe('export TOKEN="REDACTED"');
    expect(redactSecrets('client_secret=xyz')).toBe('client_secret=REDACTED');
  });

  it('hides bearer credentials and tokens with a known shape', () => {
    expect(redactSecrets('Authorization: Bearer eyJhbGciOi.x')).toBe('Authorization: Bearer REDACTED');
    expect(redactSecrets(`gh ${'ghp_'}${'a'.repeat(36)} ok`)).toBe('gh REDACTED ok');
    expect(redactSecrets('slack xoxb-1234567890-abcdef')).toBe('slack REDACTED');
    expect(redactSecrets('key AKIAABCDEFGHIJKLMNOP here')).toBe('key REDACTED here');
    expect(redactSecrets('jwt eyJhbGciOiJI.eyJzdWIiOiIx.sig_part')).toBe('jwt REDACTED');
    expect(redactSecrets('-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY----- after')).toBe(
      'REDACTED after',
    );
  });

  it('leaves ordinary incident text alone', () => {
    const text = 'The token bucket refilled; rate(errors[1m]) > 100 on web1 at 14:00; sha256:abcdef';
    expect(redactSecrets(text)).toBe(text);
  });
});

describe('the quick test before the rules', () => {
  // Built from the pieces the rules look for, in every case, glued in random orders: the quick
  // test must never let through a text that some rule would change.
  const pieces = [
    'password',
    'PASSWORD',
    'Passwd',
    'pwd',
    'api_key',
    'API-KEY',
    'apikey',
    'private_key',
    'session-id',
    'ID',
    'sig',
    'Signature',
    'client_secret',
    'SECRET',
    'token',
    'Access_Token',
    'id_token',
    ':',
    ': ',
    ' : ',
    '=',
    '"',
    "'",
    ' ',
    '\n',
    '\t',
    ',',
    ';',
    '&',
    '?',
    '#',
    '/',
    '@',
    '.',
    'https://',
    'a@b',
    'user:pw@',
    'Bearer ',
    'Basic ',
    'Token ',
    'abcdefgh1234',
    'x',
    '-----BEGIN RSA PRIVATE KEY-----',
    '-----END RSA PRIVATE KEY-----',
    'ghp_',
    'github_pat_',
    'glpat-',
    'xoxb-',
    'AKIA',
    'ASIA',
    '0123456789ABCDEF',
    'eyJ',
    'eyJabcdef.',
    '2026-11-23T14:03:00.000Z',
    '14:00',
  ];

  it('gives the same text as running every rule, for 20,000 texts made of secret-like pieces', () => {
    let changed = 0;
    for (const text of textsFrom(pieces, 20_000, 8, 15)) {
      const expected = redactEveryRule(text);
      if (expected !== text) changed += 1;
      expect(redactSecrets(text), JSON.stringify(text)).toBe(expected);
    }
    // The texts do hold secrets for the rules to find, so the comparison means something.
    expect(changed).toBeGreaterThan(2_000);
  });

  it('lets a time, or a colon after a word that names no secret, through without the rules', () => {
    for (const text of ['2026-11-23T14:03:00.000Z', 'at 14:00: web1 down', 'note: check rate(x[1m])']) {
      expect(redactSecrets(text)).toBe(text);
    }
    expect(redactSecrets('DB Password : hunter2')).toBe('DB Password : REDACTED');
    expect(redactSecrets("session_id': abc")).toBe("session_id': REDACTED");
  });
});

describe('the quick tests know every secret name', () => {
  it('each name before a colon is redacted, and both quick tests (text and JSON) let it through', () => {
    for (const pattern of secretNames) {
      for (const name of [pattern.replace('[_-]?', ''), pattern.replace('[_-]?', '_')]) {
        const text = `note: ${name.toUpperCase()}: hunter2`;
        expect(redactEveryRule(text), name).toBe(`note: ${name.toUpperCase()}: REDACTED`);
        expect(mayHideSecret(text), name).toBe(true);
        expect(jsonMayHideSecret(JSON.stringify({ text })), name).toBe(true);
        expect(redactSecrets(text), name).toBe(`note: ${name.toUpperCase()}: REDACTED`);
      }
    }
  });
});
