// Synthetic alerts with realistic label sets for the benchmark: a few hundred alert names, 8-12
// labels each, annotations of a usual length. Deterministic (a seeded generator), so two runs load
// the same alerts and sizes compare.

/** A small seeded generator (mulberry32): the same seed gives the same alerts. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const subjects = [
  'Http',
  'Disk',
  'Memory',
  'Cpu',
  'Kafka',
  'Postgres',
  'Redis',
  'Haproxy',
  'Node',
  'Pod',
  'Etcd',
  'Dns',
  'Cert',
  'Queue',
  'Grpc',
  'Nginx',
  'Envoy',
  'Mysql',
  'Elastic',
  'Rabbit',
];
const problems = [
  'ErrorRateHigh',
  'LatencyHigh',
  'Down',
  'Saturated',
  'Flapping',
  'NotReady',
  'Lagging',
  'FillingUp',
  'Restarting',
  'Throttled',
  'Expiring',
  'Unreachable',
  'BacklogGrowing',
  'SlowQueries',
  'ConnectionErrors',
];
const severities = ['critical', 'warning', 'warning', 'info'];
const teams = ['payments', 'search', 'platform', 'storage', 'identity', 'edge', 'data', 'mobile'];
const regions = ['eu-west-1', 'eu-central-1', 'us-east-1', 'us-west-2', 'ap-southeast-1'];

/** The alert names: `count` distinct ones (300 by default). */
export function alertNames(count = 300) {
  const names = [];
  for (let i = 0; names.length < count; i += 1) {
    const subject = subjects[i % subjects.length];
    const problem = problems[Math.floor(i / subjects.length) % problems.length];
    const round = Math.floor(i / (subjects.length * problems.length));
    names.push(`${subject}${problem}${round === 0 ? '' : round + 1}`);
  }
  return names;
}

/**
 * `count` alerts in Alertmanager's v2 POST shape, active from `nowMs` minus up to two days until an
 * hour after `nowMs`. Every label set is distinct (the pod label carries the index).
 */
export function syntheticAlerts(count, nowMs, seed = 42) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const names = alertNames();
  const alerts = [];
  for (let i = 0; i < count; i += 1) {
    const alertname = names[Math.floor(next() * names.length)];
    const team = pick(teams);
    const service = `${team}-${pick(['api', 'worker', 'gateway', 'db', 'cache'])}`;
    const labels = {
      alertname,
      severity: pick(severities),
      cluster: `prod-${pick(regions)}`,
      namespace: team,
      job: service,
      service,
      team,
      instance: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}:9100`,
      pod: `${service}-${((i * 2654435761) >>> 0).toString(36).slice(0, 5)}-${i}`,
    };
    // 8-12 labels in all.
    const extra = Math.floor(next() * 4);
    if (extra > 0) labels.container = service;
    if (extra > 1) labels.region = labels.cluster.slice(5);
    if (extra > 2) labels.prometheus = 'monitoring/k8s';
    const startsAt = new Date(nowMs - Math.floor(next() * 2 * 86_400_000)).toISOString();
    alerts.push({
      labels,
      annotations: {
        summary: `${alertname} on ${labels.instance}`,
        description: `${service} in ${labels.cluster} has been ${alertname
          .replace(/([A-Z])/g, ' $1')
          .trim()
          .toLowerCase()} for a while; see the dashboard.`,
        // A loopback link: the benchmark must never reach another host.
        runbook_url: `https://127.0.0.1:9/runbooks/${alertname}`,
      },
      startsAt,
      endsAt: new Date(nowMs + 3_600_000).toISOString(),
      generatorURL: `http://prometheus.example.org/graph?g0.expr=${encodeURIComponent(alertname)}`,
    });
  }
  return alerts;
}

/**
 * fetch, once more after a network error: the benchmark restarts Alertmanager on the same port
 * between sizes, and fetch's pool may still hold a connection to the old one (EPIPE on the first
 * write); the failed connection leaves the pool, and the second try opens a new one.
 */
async function fetchAgain(url, init) {
  try {
    return await fetch(url, init);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return fetch(url, init);
  }
}

/** Posts the alerts to Alertmanager in batches; resolves once all are accepted. */
export async function loadAlerts(alertmanagerUrl, alerts, batchSize = 2000) {
  for (let i = 0; i < alerts.length; i += batchSize) {
    const res = await fetchAgain(`${alertmanagerUrl}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(alerts.slice(i, i + batchSize)),
    });
    if (!res.ok) throw new Error(`Alertmanager refused alerts: ${res.status} ${await res.text()}`);
  }
}

/** Silences every `everyNth` alert name (about 1 in 20 by default), so some alerts are silenced. */
export async function silenceSome(alertmanagerUrl, nowMs, everyNth = 20) {
  const names = alertNames().filter((_, i) => i % everyNth === 0);
  for (const name of names) {
    const res = await fetchAgain(`${alertmanagerUrl}/api/v2/silences`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        matchers: [{ name: 'alertname', value: name, isRegex: false, isEqual: true }],
        startsAt: new Date(nowMs).toISOString(),
        endsAt: new Date(nowMs + 3_600_000).toISOString(),
        createdBy: 'sitrep bench',
        comment: 'benchmark: some alerts are silenced',
      }),
    });
    if (!res.ok) throw new Error(`Alertmanager refused a silence: ${res.status} ${await res.text()}`);
  }
  return names.length;
}

/** Waits until Alertmanager lists at least `count` alerts. */
export async function waitForAlerts(alertmanagerUrl, count, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetchAgain(`${alertmanagerUrl}/api/v2/alerts`);
    const listed = (await res.json()).length;
    if (listed >= count) return listed;
    if (Date.now() > deadline) throw new Error(`Alertmanager lists ${listed} of ${count} alerts`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
