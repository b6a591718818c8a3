import { describe, expect, it } from 'vitest';
import {
  coerceValue,
  flatten,
  getAt,
  redactSecrets,
  setAt,
  splitKey,
  unsetAt,
} from '../../../src/core/config/key-path.js';

describe('config keys', () => {
  it('sets nested keys, creating maps and keeping the order of what is there', () => {
    let doc: unknown = { timeout: '5s' };
    doc = setAt(doc, splitKey('prometheus.headers.X-Scope-OrgID'), 'team-a');
    doc = setAt(doc, splitKey('timeout'), '10s');
    expect(doc).toEqual({ timeout: '10s', prometheus: { headers: { 'X-Scope-OrgID': 'team-a' } } });
    expect(Object.keys(doc as object)).toEqual(['timeout', 'prometheus']);
  });

  it('turns a source given as a bare URL into a map when a key inside it is set', () => {
    const doc = setAt({ alertmanager: 'http://am' }, splitKey('alertmanager.name'), 'prod');
    expect(doc).toEqual({ alertmanager: { url: 'http://am', name: 'prod' } });
    expect(getAt({ alertmanager: 'http://am' }, splitKey('alertmanager.url'))).toBe('http://am');
  });

  it('indexes lists by number and appends at the end', () => {
    const doc = setAt({ alertmanager: [{ url: 'a' }] }, splitKey('alertmanager.1.url'), 'b');
    expect(doc).toEqual({ alertmanager: [{ url: 'a' }, { url: 'b' }] });
    expect(getAt(doc, splitKey('alertmanager.1.url'))).toBe('b');
    expect(() => setAt(doc, splitKey('alertmanager.url'), 'c')).toThrow('"url" must be a number here');
    expect(() => setAt(doc, splitKey('alertmanager.5.url'), 'c')).toThrow('the list has 2 item(s)');
  });

  it('accepts the flag spelling http.config.file', () => {
    expect(splitKey('http.config.file')).toEqual(['http_config_file']);
    expect(() => splitKey('a..b')).toThrow('empty part');
  });

  it('unsets keys and removes what they leave empty', () => {
    const doc = {
      timeout: '5s',
      prometheus: { headers: { A: '1' } },
      alertmanager: [{ url: 'a' }, { url: 'b' }],
    };
    expect(unsetAt(doc, splitKey('prometheus.headers.A'))).toEqual({
      timeout: '5s',
      alertmanager: doc.alertmanager,
    });
    expect(unsetAt(doc, splitKey('alertmanager.0'))).toEqual({ ...doc, alertmanager: [{ url: 'b' }] });
    expect(unsetAt(doc, splitKey('nothing.here'))).toEqual(doc);
    expect(unsetAt({ timeout: '1s' }, splitKey('timeout'))).toBeUndefined();
  });

  it('flattens for listing and redacts secrets, secret-looking headers included', () => {
    const doc = {
      prometheus: {
        url: 'http://p',
        authorization: { credentials: 'secret-1' },
        basic_auth: { username: 'u', password: 'secret-2' },
        headers: { 'X-Scope-OrgID': 'team', 'X-Api-Key': 'secret-3', Authorization: 'Bearer secret-4' },
      },
      alertmanager: [{ url: 'http://a', bearer_token: 'secret-5' }],
    };
    const listed = flatten(redactSecrets(doc));
    expect(listed).toEqual([
      ['prometheus.url', 'http://p'],
      ['prometheus.authorization.credentials', '<redacted>'],
      ['prometheus.basic_auth.username', 'u'],
      ['prometheus.basic_auth.password', '<redacted>'],
      ['prometheus.headers.X-Scope-OrgID', 'team'],
      ['prometheus.headers.X-Api-Key', '<redacted>'],
      ['prometheus.headers.Authorization', '<redacted>'],
      ['alertmanager.0.url', 'http://a'],
      ['alertmanager.0.bearer_token', '<redacted>'],
    ]);
    expect(JSON.stringify(listed)).not.toContain('secret-');
  });

  it('coerces booleans where the key is one', () => {
    expect(coerceValue(['tls_config', 'insecure_skip_verify'], 'true')).toBe(true);
    expect(() => coerceValue(['tls_config', 'insecure_skip_verify'], 'yes')).toThrow(
      'expected true or false',
    );
    expect(coerceValue(['timeout'], '10s')).toBe('10s');
  });
});

describe('config keys: lists', () => {
  it('starts a list for a numbered key, and treats a single source as item 0', () => {
    expect(setAt({}, splitKey('alertmanager.0.url'), 'a')).toEqual({ alertmanager: [{ url: 'a' }] });
    expect(setAt({ alertmanager: 'a' }, splitKey('alertmanager.1.url'), 'b')).toEqual({
      alertmanager: ['a', { url: 'b' }],
    });
  });
});
