import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../../src/core/export/redact.js';

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
