// A loopback gateway in front of Prometheus and Alertmanager, as Mimir, Cortex and Thanos setups put
// one: HAProxy serves them under /prometheus and /alertmanager, answers 401 without the right bearer
// token and 403 without the right X-Scope-OrgID tenant header, and strips the prefix on the way in.
import fs from 'node:fs';
import path from 'node:path';
import { startProcess } from './processes.mjs';
import http from 'node:http';
import { waitFor } from './probe.mjs';
import { startTimeoutMs } from './topology.mjs';

function proxyConfig(s) {
  const p = s.topology.proxy;
  return `# Written by scripts/stack: a gateway requiring a bearer token and a tenant header.
global
  maxconn 500

defaults
  mode http
  timeout connect 1s
  timeout client 30s
  timeout server 30s

frontend gateway
  bind 127.0.0.1:${p.port}
  acl token_ok req.fhdr(authorization) -m str "Bearer ${p.token}"
  acl tenant_ok req.fhdr(x-scope-orgid) -m str "${p.tenant}"
  http-request return status 401 content-type text/plain string "missing or wrong bearer token" hdr www-authenticate Bearer unless token_ok
  http-request return status 403 content-type text/plain string "tenant not allowed" unless tenant_ok
  use_backend prometheus if { path_beg /prometheus/ }
  use_backend alertmanager if { path_beg /alertmanager/ }
  default_backend not_found

backend prometheus
  http-request replace-path /prometheus(/.*) \\1
  server prometheus 127.0.0.1:${s.prometheusPort}

backend alertmanager
  http-request replace-path /alertmanager(/.*) \\1
  server alertmanager 127.0.0.1:${s.alertmanagerPort}

backend not_found
  http-request return status 404 content-type text/plain string "not found: use /prometheus/ or /alertmanager/"
`;
}

/** Writes the gateway's config and starts it as the `proxy` process. */
export function startProxy(s, bin) {
  const p = s.topology.proxy;
  for (const [what, value] of [
    ['SITREP_STACK_PROXY_TOKEN', p.token],
    ['SITREP_STACK_PROXY_TENANT', p.tenant],
  ]) {
    if (!/^[\w.-]+$/.test(value)) throw new Error(`${what} may hold only letters, digits, _ . and -`);
  }
  const file = path.join(s.dir, 'proxy.cfg');
  fs.writeFileSync(file, proxyConfig(s));
  startProcess(s.dir, 'proxy', [bin.haproxy, '-db', '-f', file]);
}

/** Waits until Prometheus and Alertmanager answer through the gateway with the right headers. */
export async function waitForProxy(s) {
  const p = s.topology.proxy;
  const headers = { Authorization: `Bearer ${p.token}`, 'X-Scope-OrgID': p.tenant };
  for (const prefix of ['prometheus', 'alertmanager']) {
    await waitFor(
      `${prefix} through the gateway`,
      async () => {
        const res = await getWithHeaders(`http://127.0.0.1:${p.port}/${prefix}/-/ready`, headers);
        return res.status === 200;
      },
      s,
      startTimeoutMs,
    );
  }
}

function getWithHeaders(url, headers) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
    });
    req.on('error', reject);
    req.setTimeout(2000, () => req.destroy(new Error('timed out')));
  });
}
