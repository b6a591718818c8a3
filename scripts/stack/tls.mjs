// Prometheus on TLS, with its own --web.config.file: `prometheus-tls` has a server certificate,
// `prometheus-mtls` also requires a client certificate signed by the stack's CA. openssl makes a
// fresh CA, a server certificate for 127.0.0.1/localhost and a client certificate at every `up`,
// into <dir>/tls/ (keys mode 0600). Both scrape the same HAProxy and load the same rules.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { startProcess } from './processes.mjs';
import { waitFor } from './probe.mjs';
import { ensureProgram, startTimeoutMs } from './topology.mjs';

/** The certificate files under <dir>/tls. */
export function tlsFiles(s) {
  const dir = path.join(s.dir, 'tls');
  const f = (name) => path.join(dir, name);
  return {
    dir,
    caCert: f('ca.crt'),
    caKey: f('ca.key'),
    serverCert: f('server.crt'),
    serverKey: f('server.key'),
    clientCert: f('client.crt'),
    clientKey: f('client.key'),
  };
}

function makeCertificates(openssl, files) {
  fs.rmSync(files.dir, { recursive: true, force: true });
  fs.mkdirSync(files.dir, { recursive: true, mode: 0o700 });
  const run = (...args) => execFileSync(openssl, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  run(
    'req',
    '-x509',
    ...ec,
    '-keyout',
    files.caKey,
    '-out',
    files.caCert,
    '-days',
    '7',
    '-subj',
    '/CN=sitrep stack test CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  );
  const leaf = (key, cert, cn, ext) => {
    const csr = `${cert}.csr`;
    const extFile = `${cert}.ext`;
    fs.writeFileSync(extFile, ext);
    run('req', ...ec, '-keyout', key, '-out', csr, '-subj', `/CN=${cn}`);
    run(
      'x509',
      '-req',
      '-in',
      csr,
      '-CA',
      files.caCert,
      '-CAkey',
      files.caKey,
      '-CAcreateserial',
      '-out',
      cert,
      '-days',
      '7',
      '-extfile',
      extFile,
    );
    fs.rmSync(csr);
    fs.rmSync(extFile);
  };
  leaf(
    files.serverKey,
    files.serverCert,
    '127.0.0.1',
    'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n',
  );
  leaf(files.clientKey, files.clientCert, 'sitrep-client', 'extendedKeyUsage=clientAuth\n');
  for (const key of [files.caKey, files.serverKey, files.clientKey]) fs.chmodSync(key, 0o600);
}

function prometheusConfig(s) {
  return `# Written by scripts/stack: a Prometheus on TLS scraping the same HAProxy, with the same rules.
global:
  scrape_interval: 1s
  evaluation_interval: 1s
rule_files:
  - ${JSON.stringify(s.rulesFile)}
scrape_configs:
  - job_name: haproxy
    static_configs:
      - targets: ['127.0.0.1:${s.haproxyMetricsPort}']
`;
}

function webConfig(files, requireClientCert) {
  const lines = [
    'tls_server_config:',
    `  cert_file: ${JSON.stringify(files.serverCert)}`,
    `  key_file: ${JSON.stringify(files.serverKey)}`,
  ];
  if (requireClientCert) {
    lines.push(
      '  client_auth_type: RequireAndVerifyClientCert',
      `  client_ca_file: ${JSON.stringify(files.caCert)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Makes the certificates and starts `prometheus-tls` and `prometheus-mtls`. */
export function startTls(s, bin, log) {
  const openssl = ensureProgram('openssl', 'openssl', ['/usr/bin/openssl'], log);
  const files = tlsFiles(s);
  makeCertificates(openssl, files);
  const config = path.join(s.dir, 'prometheus-tls.yml');
  fs.writeFileSync(config, prometheusConfig(s));
  for (const [name, port, mtls] of [
    ['prometheus-tls', s.topology.tls.port, false],
    ['prometheus-mtls', s.topology.tls.mtlsPort, true],
  ]) {
    const web = path.join(s.dir, `${name}-web.yml`);
    fs.writeFileSync(web, webConfig(files, mtls));
    const data = path.join(s.dir, `${name}-data`);
    fs.rmSync(data, { recursive: true, force: true });
    startProcess(s.dir, name, [
      bin.prometheus,
      `--config.file=${config}`,
      `--web.config.file=${web}`,
      `--storage.tsdb.path=${data}`,
      '--storage.tsdb.retention.time=1d',
      `--web.listen-address=127.0.0.1:${port}`,
      `--web.external-url=https://127.0.0.1:${port}`,
    ]);
  }
}

function httpsStatus(url, files) {
  return new Promise((resolve, reject) => {
    const req = https.get(
      url,
      {
        ca: fs.readFileSync(files.caCert),
        cert: fs.readFileSync(files.clientCert),
        key: fs.readFileSync(files.clientKey),
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.setTimeout(2000, () => req.destroy(new Error('timed out')));
  });
}

/** Waits until both TLS servers answer (checked with the stack's CA and client certificate). */
export async function waitForTls(s) {
  const files = tlsFiles(s);
  for (const port of [s.topology.tls.port, s.topology.tls.mtlsPort]) {
    await waitFor(
      `Prometheus on TLS (${port})`,
      async () => (await httpsStatus(`https://127.0.0.1:${port}/-/ready`, files)) === 200,
      s,
      startTimeoutMs,
    );
  }
}
