import { describe, expect, it } from 'vitest';
import { statusError } from '../../src/sources/http-error.js';

describe('statusError for a 404', () => {
  it('asks whether the base URL misses a path prefix, for Alertmanager and Prometheus', () => {
    const am = statusError(
      { kind: 'alertmanager', name: '127.0.0.1:9093' },
      'http://127.0.0.1:9093/api/v2/alerts?active=true',
      404,
      'Not Found',
      '404 page not found',
    );
    expect(am.message).toBe(
      'alertmanager 127.0.0.1:9093: HTTP 404 Not Found: 404 page not found (http://127.0.0.1:9093/api/v2/alerts)',
    );
    expect(am.hint).toBe(
      "Is http://127.0.0.1:9093 the base URL of Alertmanager? One served under a path prefix (--web.route-prefix, or a proxy's path) needs the prefix in the URL, e.g. http://127.0.0.1:9093/alertmanager.",
    );
    const prometheus = statusError(
      { kind: 'prometheus', name: 'user@mimir.example/prom' },
      'https://user:secret@mimir.example/prom/api/v1/query?query=up',
      404,
      'Not Found',
      '',
    );
    expect(prometheus.hint).toContain('Is https://mimir.example/prom the base URL of Prometheus?');
    expect(prometheus.hint).not.toContain('secret');
  });

  it('gives no such hint for other sources or other statuses', () => {
    const runbook = statusError(
      { kind: 'runbook', name: 'wiki' },
      'https://wiki.example/api/v1/x',
      404,
      'Not Found',
      '',
    );
    expect(runbook.hint).toBeUndefined();
    const gone = statusError(
      { kind: 'alertmanager', name: 'am' },
      'http://am/api/v2/alerts',
      410,
      'Gone',
      '',
    );
    expect(gone.hint).toBeUndefined();
  });
});
