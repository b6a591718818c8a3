// sitrep against the other shapes a Prometheus API comes in, all real servers on loopback:
// VictoriaMetrics single-node scraping the same HAProxy, an HAProxy gateway that serves Prometheus
// and Alertmanager under /prometheus and /alertmanager behind a bearer token and X-Scope-OrgID,
// and Prometheus on TLS and mTLS with its own --web.config.file and certificates from openssl.
// Issue #11 defects these tests reproduced are fixed; each test names its defect.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertsJson } from '../../../src/core/alerts/alert-json.js';
import { runCli, tempConfigHome, type CliResult } from '../../helpers/run-cli.js';
import { backendsEnv, noStack, stackDir, topologyStack, topologyUrls } from './topology-stack.js';

const env = backendsEnv();
const token = env['SITREP_STACK_PROXY_TOKEN'] ?? '';
const alertname = 'HaproxyServerConnectionErrors';
let urls: Record<string, string> = {};

interface ProbeJson {
  readonly rule: { readonly origin: string } | null;
  readonly steps: readonly {
    readonly id: string;
    readonly probes: readonly {
      readonly verdict: string;
      readonly error: unknown;
      readonly series: readonly { readonly labels: Record<string, string>; readonly value: string | null }[];
    }[];
  }[];
  readonly ok: boolean;
}

/** Runs sitrep in-process with a fresh config home holding `configYaml` (when given). */
async function sitrep(args: string[], configYaml?: string): Promise<CliResult & { home: string }> {
  const home = tempConfigHome();
  if (configYaml !== undefined) {
    fs.mkdirSync(path.join(home, 'sitrep'), { recursive: true });
    fs.writeFileSync(path.join(home, 'sitrep', 'config.yml'), configYaml, { mode: 0o600 });
  }
  const result = await runCli(args, { XDG_CONFIG_HOME: home, HOME: home });
  return { ...result, home };
}

/** Writes an http_config file (for --http.config.file) and returns its path. */
function httpConfig(yaml: string): string {
  const file = path.join(tempConfigHome(), 'http.yml');
  fs.writeFileSync(file, yaml);
  return file;
}

const tls = () => ({
  ca: path.join(stackDir(env), 'tls', 'ca.crt'),
  cert: path.join(stackDir(env), 'tls', 'client.crt'),
  key: path.join(stackDir(env), 'tls', 'client.key'),
});

const probeArgs = (prometheus: string) => [
  'probe',
  alertname,
  '--label',
  'server=web1',
  '--json',
  '--prometheus.url',
  prometheus,
  '--alertmanager.url',
  urls['alertmanager'] ?? '',
];

const allProbes = (doc: ProbeJson) => doc.steps.flatMap((s) => s.probes);

describe.skipIf(noStack)('other Prometheus API backends, a gateway, and TLS', () => {
  beforeAll(async () => {
    await topologyStack(env, 'up');
    urls = await topologyUrls(env);
  }, 240_000);
  afterAll(async () => {
    await topologyStack(env, 'down');
  }, 120_000);

  describe('VictoriaMetrics single-node', () => {
    it('runs every probe of the runbook unchanged', async () => {
      const { code, stdout } = await sitrep(probeArgs(urls['victoria'] ?? ''));
      expect(code).toBe(0);
      const doc = JSON.parse(stdout) as ProbeJson;
      expect(doc.ok).toBe(true);
      const probes = allProbes(doc);
      expect(probes.length).toBeGreaterThan(3);
      expect(probes.filter((p) => p.error !== null)).toEqual([]);
      // Real data came back: the counter for web1 exists in VictoriaMetrics too.
      const series = probes.flatMap((p) => p.series);
      expect(series.some((s) => s.labels['server'] === 'web1' && s.value !== null)).toBe(true);
    });

    it('has no rules of its own (vmalert evaluates them), so the alert expression step is left out', async () => {
      const { stdout } = await sitrep(probeArgs(urls['victoria'] ?? ''));
      const doc = JSON.parse(stdout) as ProbeJson;
      expect(doc.rule).toBeNull();
      expect(doc.steps.map((s) => s.id)).not.toContain('alert-expression');
      // …where Prometheus, with the same rules loaded, gives it.
      const prom = JSON.parse((await sitrep(probeArgs(urls['prometheus'] ?? ''))).stdout) as ProbeJson;
      expect(prom.rule?.origin).toBe('prometheus');
      expect(prom.steps[0]?.id).toBe('alert-expression');
    });

    it('frozen mid-probe (SIGSTOP): every query names it and its timeout; resumed, probes work again', async () => {
      await topologyStack(env, 'pause', 'victoria');
      try {
        const { code, stdout, stderr } = await sitrep([
          ...probeArgs(urls['victoria'] ?? ''),
          '--timeout',
          '1s',
        ]);
        expect(code).toBe(1);
        const doc = JSON.parse(stdout) as ProbeJson;
        expect(doc.ok).toBe(false);
        const errors = allProbes(doc).map((p) => JSON.stringify(p.error));
        expect(errors.length).toBeGreaterThan(0);
        for (const error of errors) expect(error).toMatch(/no answer within 1 ?s/);
        expect(stderr).not.toContain('\u001b');
      } finally {
        await topologyStack(env, 'resume', 'victoria');
      }
      const after = await sitrep(probeArgs(urls['victoria'] ?? ''));
      expect(after.code).toBe(0);
      expect((JSON.parse(after.stdout) as ProbeJson).ok).toBe(true);
    });

    // Defect 8: a probe's timeout says "no answer within 1 s" without naming the source.
    it('frozen mid-probe, the timeout names the source (defect 8)', async () => {
      await topologyStack(env, 'pause', 'victoria');
      try {
        const { stdout } = await sitrep([
          ...probeArgs(urls['victoria'] ?? ''),
          '--step',
          '1',
          '--timeout',
          '1s',
        ]);
        const host = new URL(urls['victoria'] ?? '').host;
        const errors = allProbes(JSON.parse(stdout) as ProbeJson).map((p) => JSON.stringify(p.error));
        expect(errors.length).toBeGreaterThan(0);
        for (const error of errors) expect(error).toContain(host);
      } finally {
        await topologyStack(env, 'resume', 'victoria');
      }
    });

    it('answers the alerts API with an empty list, not an error', async () => {
      const { code, stdout } = await sitrep([
        'alerts',
        '--json',
        '--prometheus.url',
        urls['victoria'] ?? '',
        '--alertmanager.url',
        urls['alertmanager'] ?? '',
      ]);
      expect(code).toBe(0);
      const doc = JSON.parse(stdout) as AlertsJson;
      expect(doc.sources.every((s) => s.ok)).toBe(true);
    });
  });

  describe('a gateway with a path prefix, a bearer token and a tenant header', () => {
    const gatewayConfig = (credentials: string, tenant: string) => `
alertmanager:
  url: ${urls['proxyAlertmanager']}
  authorization: { credentials: ${credentials} }
  headers: { X-Scope-OrgID: ${tenant} }
prometheus:
  url: ${urls['proxyPrometheus']}
  authorization: { credentials: ${credentials} }
  headers: { X-Scope-OrgID: ${tenant} }
`;

    it('works with the right config: alerts and probes under /prometheus and /alertmanager', async () => {
      const alerts = await sitrep(['alerts', '--json'], gatewayConfig(token, 'team-a'));
      expect(alerts.stderr).toBe('');
      expect(alerts.code).toBe(0);
      const doc = JSON.parse(alerts.stdout) as AlertsJson;
      expect(doc.sources.map((s) => [s.kind, s.ok])).toEqual([
        ['alertmanager', true],
        ['prometheus', true],
      ]);
      const probe = await sitrep(
        ['probe', alertname, '--label', 'server=web1', '--json'],
        gatewayConfig(token, 'team-a'),
      );
      expect(probe.code).toBe(0);
      const report = JSON.parse(probe.stdout) as ProbeJson;
      expect(report.ok).toBe(true);
      expect(report.rule?.origin).toBe('prometheus');
    });

    it('says 401 and asks for credentials when none are sent', async () => {
      const { code, stderr } = await sitrep([
        'alerts',
        '--prometheus.url',
        urls['proxyPrometheus'] ?? '',
        '--alertmanager.url',
        urls['proxyAlertmanager'] ?? '',
      ]);
      expect(code).toBe(1);
      expect(stderr).toMatch(/prometheus 127\.0\.0\.1:\d+\/prometheus: HTTP 401/);
      expect(stderr).toMatch(/alertmanager 127\.0\.0\.1:\d+\/alertmanager: HTTP 401/);
      expect(stderr).toMatch(/wants credentials/);
      expect(stderr).not.toContain(token);
    });

    it('says 403 and points at the tenant header when the tenant is wrong', async () => {
      const { code, stderr } = await sitrep(['alerts'], gatewayConfig(token, 'team-b'));
      expect(code).toBe(1);
      expect(stderr).toMatch(/HTTP 403 forbidden: tenant not allowed/);
      expect(stderr).toMatch(/tenant header/);
      expect(stderr).not.toContain(token);
    });

    // Defect 9: after credentials were sent, a 401 still says "set authorization" as if none were.
    it('says the token was refused when a wrong one is sent (defect 9)', async () => {
      const { code, stderr } = await sitrep(['alerts'], gatewayConfig('not-the-token', 'team-a'));
      expect(code).toBe(1);
      expect(stderr).toMatch(/HTTP 401/);
      expect(stderr).toMatch(/refused/);
      expect(stderr).not.toContain('not-the-token');
    });
  });

  describe('Prometheus on TLS and mTLS', () => {
    const alerts = (prometheus: string, httpConfigFile?: string) =>
      sitrep([
        'alerts',
        '--json',
        '--prometheus.url',
        prometheus,
        '--alertmanager.url',
        urls['alertmanager'] ?? '',
        ...(httpConfigFile ? ['--http.config.file', httpConfigFile] : []),
      ]);
    const prometheusReport = (r: CliResult) =>
      (JSON.parse(r.stdout) as AlertsJson).sources.find((s) => s.kind === 'prometheus');

    it('refuses a server certificate from an unknown CA by default', async () => {
      const result = await alerts(urls['prometheus-tls'] ?? '');
      expect(result.code).toBe(1);
      expect(prometheusReport(result)?.ok).toBe(false);
      expect(result.stderr).toMatch(
        /prometheus 127\.0\.0\.1:\d+: the server's certificate is not signed by a CA sitrep trusts/,
      );
      expect(result.stderr).toMatch(/ca_file/);
    });

    // Defect 9: the refusal names Node's code (UNABLE_TO_VERIFY_LEAF_SIGNATURE), not the cause.
    it('says in words that the certificate is not signed by a CA sitrep trusts (defect 9)', async () => {
      const result = await alerts(urls['prometheus-tls'] ?? '');
      expect(result.stderr).toMatch(/not signed by a CA sitrep trusts/);
      expect(result.stderr).not.toMatch(/[A-Z]{3,}_[A-Z_]{3,}/);
    });

    it('works with tls_config.ca_file, for alerts and for probes', async () => {
      const file = httpConfig(`tls_config: { ca_file: ${JSON.stringify(tls().ca)} }\n`);
      const result = await alerts(urls['prometheus-tls'] ?? '', file);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe('');
      expect(prometheusReport(result)?.ok).toBe(true);
      const probe = await sitrep([...probeArgs(urls['prometheus-tls'] ?? ''), '--http.config.file', file]);
      expect(probe.code).toBe(0);
      expect((JSON.parse(probe.stdout) as ProbeJson).ok).toBe(true);
    });

    it('mTLS: refused without a client certificate, works with one', async () => {
      const caOnly = httpConfig(`tls_config: { ca_file: ${JSON.stringify(tls().ca)} }\n`);
      const refused = await alerts(urls['prometheus-mtls'] ?? '', caOnly);
      expect(refused.code).toBe(1);
      expect(prometheusReport(refused)?.ok).toBe(false);
      expect(refused.stderr).toMatch(/prometheus 127\.0\.0\.1:\d+: the server wants a client certificate/);
      const { ca, cert, key } = tls();
      const withCert = httpConfig(
        `tls_config: { ca_file: ${JSON.stringify(ca)}, cert_file: ${JSON.stringify(cert)}, key_file: ${JSON.stringify(key)} }\n`,
      );
      const ok = await alerts(urls['prometheus-mtls'] ?? '', withCert);
      expect(ok.code).toBe(0);
      expect(prometheusReport(ok)?.ok).toBe(true);
    });

    // Defect 9: a refused client certificate shows ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE.
    it('says in words that the server wants a client certificate (defect 9)', async () => {
      const caOnly = httpConfig(`tls_config: { ca_file: ${JSON.stringify(tls().ca)} }\n`);
      const refused = await alerts(urls['prometheus-mtls'] ?? '', caOnly);
      expect(refused.stderr).toMatch(/client certificate/);
      expect(refused.stderr).not.toMatch(/ERR_SSL/);
    });

    it('skips verification only when asked, and warns naming the source', async () => {
      const file = httpConfig('tls_config: { insecure_skip_verify: true }\n');
      const result = await alerts(urls['prometheus-tls'] ?? '', file);
      expect(result.code).toBe(0);
      expect(prometheusReport(result)?.ok).toBe(true);
      expect(result.stderr).toMatch(
        /warning: TLS certificate verification is off for prometheus 127\.0\.0\.1:\d+/,
      );
    });

    // Defect 9: the warning also names the plain-http Alertmanager, where there is no TLS at all.
    it('does not warn about skipped verification for a plain-http source (defect 9)', async () => {
      const file = httpConfig('tls_config: { insecure_skip_verify: true }\n');
      const result = await alerts(urls['prometheus-tls'] ?? '', file);
      expect(result.stderr).not.toMatch(/verification is off for alertmanager/);
    });
  });
});
