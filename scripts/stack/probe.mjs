// Small HTTP and port checks the stack script waits on.
import http from 'node:http';
import net from 'node:net';

/** GET a loopback URL; resolves { status, body } or rejects on a connection error. */
export function httpGet(url, timeoutMs = 2000) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.setTimeout(timeoutMs, () => req.destroy(new Error('timed out')));
  });
}

/** True when something on 127.0.0.1 accepts connections on `port`. */
export function portInUse(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Fails with a clear message when one of the stack's ports is taken by something else. */
export async function assertPortsFree(s) {
  const listening = [
    ['Prometheus', s.prometheusPort],
    ['Alertmanager', s.alertmanagerPort],
    ['HAProxy', s.haproxyPort],
    ['HAProxy metrics', s.haproxyMetricsPort],
  ];
  for (const [what, port] of listening) {
    if (await portInUse(port)) {
      throw new Error(`port ${port} (for ${what}) is already in use; set SITREP_STACK_* ports to free ones`);
    }
  }
  for (const b of s.backends) {
    if (await portInUse(b.port)) {
      throw new Error(
        `backend port ${b.port} must be closed for the seed alert, but something listens there`,
      );
    }
  }
}

/** Polls `check` until it resolves true, or throws after `timeoutMs` saying what it waited for. */
export async function waitFor(what, check, s, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // Not ready yet: connection refused while the server starts.
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what} (logs in ${s.dir})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Active, unsilenced alerts with this alertname in Alertmanager. */
export async function seedAlerts(alertmanagerUrl, alertname) {
  const filter = encodeURIComponent(`alertname="${alertname}"`);
  const res = await httpGet(`${alertmanagerUrl}/api/v2/alerts?active=true&silenced=false&filter=${filter}`);
  if (res.status !== 200) return [];
  return JSON.parse(res.body);
}
