// Real alert-expression shapes and the automatic checks each must yield, exactly. Shared by the
// unit test (queries as expected, each parses) and the e2e test (Prometheus accepts each one).
import fs from 'node:fs';
import path from 'node:path';
import type { LabelSet } from '../../../src/core/alerts/alert.js';
import { parseRuleFile } from '../../../src/core/runbook/rule-file.js';
import { repoRoot } from '../../helpers/stack.js';

/** One alert rule, the alert's labels, and the derived queries expected, in order. */
export interface DerivationCase {
  readonly name: string;
  readonly expr: string;
  /** The rule's own labels (never pushed into selectors). */
  readonly ruleLabels: LabelSet;
  readonly alertLabels: LabelSet;
  readonly queries: readonly string[];
}

const seed = 'haproxy_server_connection_errors_total';

export const derivationTable: readonly DerivationCase[] = [
  {
    name: 'sum by (server) of a rate (the seed rule)',
    expr: `sum by (server) (rate(${seed}[1m])) > 100`,
    ruleLabels: { severity: 'critical' },
    alertLabels: { alertname: 'HaproxyServerConnectionErrors', server: 'web1', severity: 'critical' },
    queries: [
      `topk(10, rate(${seed}{server="web1"}[1m]))`,
      `(sum by (server) (rate(${seed}{server="web1"}[1m]))) / (sum by (server) (rate(${seed}{server="web1"}[1m] offset 1d)))`,
      `(sum by (server) (rate(${seed}{server="web1"}[1m]))) / (sum by (server) (rate(${seed}{server="web1"}[1m] offset 7d)))`,
      `up and on (job, instance) group by (job, instance) (last_over_time(${seed}{server="web1"}[1h]))`,
      `max by (job, instance) (time() - timestamp(${seed}{server="web1"}))`,
    ],
  },
  {
    name: 'irate without a label, max: each input judged',
    expr: 'max without (cpu) (irate(node_cpu_seconds_total{mode!="idle"}[2m])) > 0.9',
    ruleLabels: {},
    alertLabels: { alertname: 'CpuBusy', instance: 'db1:9100', job: 'node' },
    queries: [
      'topk(10, irate(node_cpu_seconds_total{mode!="idle", instance="db1:9100", job="node"}[2m]))',
      '(max without (cpu) (irate(node_cpu_seconds_total{mode!="idle", instance="db1:9100", job="node"}[2m]))) / (max without (cpu) (irate(node_cpu_seconds_total{mode!="idle", instance="db1:9100", job="node"}[2m] offset 1d)))',
      '(max without (cpu) (irate(node_cpu_seconds_total{mode!="idle", instance="db1:9100", job="node"}[2m]))) / (max without (cpu) (irate(node_cpu_seconds_total{mode!="idle", instance="db1:9100", job="node"}[2m] offset 7d)))',
      'up and on (job, instance) group by (job, instance) (last_over_time(node_cpu_seconds_total{mode!="idle", instance="db1:9100", job="node"}[1h]))',
      'max by (job, instance) (time() - timestamp(node_cpu_seconds_total{mode!="idle", instance="db1:9100", job="node"}))',
    ],
  },
  {
    name: 'increase with no aggregation: no breakdown',
    expr: 'increase(kube_pod_container_status_restarts_total[1h]) > 3',
    ruleLabels: { severity: 'warning' },
    alertLabels: { alertname: 'PodRestarts', namespace: 'web', pod: 'api-0', severity: 'warning' },
    queries: [
      '(increase(kube_pod_container_status_restarts_total{namespace="web", pod="api-0"}[1h])) / (increase(kube_pod_container_status_restarts_total{namespace="web", pod="api-0"}[1h] offset 1d))',
      '(increase(kube_pod_container_status_restarts_total{namespace="web", pod="api-0"}[1h])) / (increase(kube_pod_container_status_restarts_total{namespace="web", pod="api-0"}[1h] offset 7d))',
      'up and on (job, instance) group by (job, instance) (last_over_time(kube_pod_container_status_restarts_total{namespace="web", pod="api-0"}[1h]))',
      'max by (job, instance) (time() - timestamp(kube_pod_container_status_restarts_total{namespace="web", pod="api-0"}))',
    ],
  },
  {
    name: 'a ratio of two sums (one breakdown each, matching labels pushed into both)',
    expr: 'sum by (proxy) (rate(haproxy_backend_http_responses_total{code="5xx"}[1m])) / sum by (proxy) (rate(haproxy_backend_http_responses_total[1m])) * 100 > 5',
    ruleLabels: { severity: 'critical' },
    alertLabels: { alertname: 'Http5xx', proxy: 'web "blue"', severity: 'critical' },
    queries: [
      'topk(10, rate(haproxy_backend_http_responses_total{code="5xx", proxy="web \\"blue\\""}[1m]))',
      'topk(10, rate(haproxy_backend_http_responses_total{proxy="web \\"blue\\""}[1m]))',
      '(sum by (proxy) (rate(haproxy_backend_http_responses_total{code="5xx", proxy="web \\"blue\\""}[1m])) / sum by (proxy) (rate(haproxy_backend_http_responses_total{proxy="web \\"blue\\""}[1m])) * 100) / (sum by (proxy) (rate(haproxy_backend_http_responses_total{code="5xx", proxy="web \\"blue\\""}[1m] offset 1d)) / sum by (proxy) (rate(haproxy_backend_http_responses_total{proxy="web \\"blue\\""}[1m] offset 1d)) * 100)',
      '(sum by (proxy) (rate(haproxy_backend_http_responses_total{code="5xx", proxy="web \\"blue\\""}[1m])) / sum by (proxy) (rate(haproxy_backend_http_responses_total{proxy="web \\"blue\\""}[1m])) * 100) / (sum by (proxy) (rate(haproxy_backend_http_responses_total{code="5xx", proxy="web \\"blue\\""}[1m] offset 7d)) / sum by (proxy) (rate(haproxy_backend_http_responses_total{proxy="web \\"blue\\""}[1m] offset 7d)) * 100)',
      'up and on (job, instance) group by (job, instance) (last_over_time(haproxy_backend_http_responses_total{code="5xx", proxy="web \\"blue\\""}[1h]))',
      'max by (job, instance) (time() - timestamp(haproxy_backend_http_responses_total{code="5xx", proxy="web \\"blue\\""}))',
    ],
  },
  {
    name: 'on(…) group_left: the right side gets only the matching labels',
    expr: 'node_filesystem_avail_bytes / on (instance) group_left (nodename) node_uname_info < 1e9',
    ruleLabels: {},
    alertLabels: { alertname: 'DiskLow', instance: 'h1', mountpoint: '/', nodename: 'h1.local' },
    queries: [
      '(node_filesystem_avail_bytes{instance="h1", mountpoint="/"} / on (instance) group_left (nodename) node_uname_info{instance="h1"}) / (node_filesystem_avail_bytes{instance="h1", mountpoint="/"} offset 1d / on (instance) group_left (nodename) node_uname_info{instance="h1"} offset 1d)',
      '(node_filesystem_avail_bytes{instance="h1", mountpoint="/"} / on (instance) group_left (nodename) node_uname_info{instance="h1"}) / (node_filesystem_avail_bytes{instance="h1", mountpoint="/"} offset 7d / on (instance) group_left (nodename) node_uname_info{instance="h1"} offset 7d)',
      'up and on (job, instance) group by (job, instance) (last_over_time(node_filesystem_avail_bytes{instance="h1", mountpoint="/"}[1h]))',
      'max by (job, instance) (time() - timestamp(node_filesystem_avail_bytes{instance="h1", mountpoint="/"}))',
      'up and on (job, instance) group by (job, instance) (last_over_time(node_uname_info{instance="h1"}[1h]))',
      'max by (job, instance) (time() - timestamp(node_uname_info{instance="h1"}))',
    ],
  },
  {
    name: 'ignoring(…): the ignored label is not pushed',
    expr: 'rate(errors_total[5m]) / ignoring (code) group_left rate(requests_total[5m]) > 0.1',
    ruleLabels: {},
    alertLabels: { alertname: 'Errors', code: '500', job: 'api' },
    queries: [
      '(rate(errors_total{code="500", job="api"}[5m]) / ignoring (code) group_left rate(requests_total{job="api"}[5m])) / (rate(errors_total{code="500", job="api"}[5m] offset 1d) / ignoring (code) group_left rate(requests_total{job="api"}[5m] offset 1d))',
      '(rate(errors_total{code="500", job="api"}[5m]) / ignoring (code) group_left rate(requests_total{job="api"}[5m])) / (rate(errors_total{code="500", job="api"}[5m] offset 7d) / ignoring (code) group_left rate(requests_total{job="api"}[5m] offset 7d))',
      'up and on (job, instance) group by (job, instance) (last_over_time(errors_total{code="500", job="api"}[1h]))',
      'max by (job, instance) (time() - timestamp(errors_total{code="500", job="api"}))',
      'up and on (job, instance) group by (job, instance) (last_over_time(requests_total{job="api"}[1h]))',
      'max by (job, instance) (time() - timestamp(requests_total{job="api"}))',
    ],
  },
  {
    name: 'absent(): a condition; only the health of what it looks for',
    expr: 'absent(haproxy_up{job="haproxy"})',
    ruleLabels: {},
    alertLabels: { alertname: 'HaproxyAbsent', job: 'haproxy' },
    queries: [
      'up and on (job, instance) group by (job, instance) (last_over_time(haproxy_up{job="haproxy"}[1h]))',
      'max by (job, instance) (time() - timestamp(haproxy_up{job="haproxy"}))',
    ],
  },
  {
    name: 'histogram_quantile: each series’ own quantile, judged',
    expr: 'histogram_quantile(0.99, sum by (le, job) (rate(http_request_duration_seconds_bucket[5m]))) > 0.5',
    ruleLabels: {},
    alertLabels: { alertname: 'Slow', job: 'api' },
    queries: [
      'topk(10, histogram_quantile(0.99, rate(http_request_duration_seconds_bucket{job="api"}[5m])))',
      '(histogram_quantile(0.99, sum by (le, job) (rate(http_request_duration_seconds_bucket{job="api"}[5m])))) / (histogram_quantile(0.99, sum by (le, job) (rate(http_request_duration_seconds_bucket{job="api"}[5m] offset 1d))))',
      '(histogram_quantile(0.99, sum by (le, job) (rate(http_request_duration_seconds_bucket{job="api"}[5m])))) / (histogram_quantile(0.99, sum by (le, job) (rate(http_request_duration_seconds_bucket{job="api"}[5m] offset 7d))))',
      'up and on (job, instance) group by (job, instance) (last_over_time(http_request_duration_seconds_bucket{job="api"}[1h]))',
      'max by (job, instance) (time() - timestamp(http_request_duration_seconds_bucket{job="api"}))',
    ],
  },
  {
    name: 'a subquery',
    expr: 'max_over_time(sum by (job) (rate(http_requests_total[5m]))[1h:1m]) > 1000',
    ruleLabels: {},
    alertLabels: { alertname: 'Peak', job: 'api' },
    queries: [
      'topk(10, rate(http_requests_total{job="api"}[5m]))',
      '(max_over_time(sum by (job) (rate(http_requests_total{job="api"}[5m]))[1h:1m])) / (max_over_time(sum by (job) (rate(http_requests_total{job="api"}[5m] offset 1d))[1h:1m]))',
      '(max_over_time(sum by (job) (rate(http_requests_total{job="api"}[5m]))[1h:1m])) / (max_over_time(sum by (job) (rate(http_requests_total{job="api"}[5m] offset 7d))[1h:1m]))',
      'up and on (job, instance) group by (job, instance) (last_over_time(http_requests_total{job="api"}[1h]))',
      'max by (job, instance) (time() - timestamp(http_requests_total{job="api"}))',
    ],
  },
  {
    name: 'a recording rule: targets by job only',
    expr: 'job:request_errors:ratio_rate5m{job="api"} > 0.05',
    ruleLabels: {},
    alertLabels: { alertname: 'ErrorBudget', job: 'api' },
    queries: [
      '(job:request_errors:ratio_rate5m{job="api"}) / (job:request_errors:ratio_rate5m{job="api"} offset 1d)',
      '(job:request_errors:ratio_rate5m{job="api"}) / (job:request_errors:ratio_rate5m{job="api"} offset 7d)',
      'up and on (job) group by (job) (last_over_time(job:request_errors:ratio_rate5m{job="api"}[1h]))',
      'max by (job) (time() - timestamp(job:request_errors:ratio_rate5m{job="api"}))',
    ],
  },
  {
    name: 'an offset already there: no comparison with the past',
    expr: 'rate(x_total[5m] offset 1h) > 1',
    ruleLabels: {},
    alertLabels: { alertname: 'X', job: 'a' },
    queries: [
      'up and on (job, instance) group by (job, instance) (last_over_time(x_total{job="a"}[1h]))',
      'max by (job, instance) (time() - timestamp(x_total{job="a"}))',
    ],
  },
  {
    name: 'label_replace: its target label is not pushed below it',
    expr: 'label_replace(sum by (instance) (rate(y_total[5m])), "host", "$1", "instance", "(.*):.*") > 5',
    ruleLabels: {},
    alertLabels: { alertname: 'Y', host: 'h1', instance: 'h1:80' },
    queries: [
      'topk(10, rate(y_total{instance="h1:80"}[5m]))',
      '(label_replace(sum by (instance) (rate(y_total{instance="h1:80"}[5m])), "host", "$1", "instance", "(.*):.*")) / (label_replace(sum by (instance) (rate(y_total{instance="h1:80"}[5m] offset 1d)), "host", "$1", "instance", "(.*):.*"))',
      '(label_replace(sum by (instance) (rate(y_total{instance="h1:80"}[5m])), "host", "$1", "instance", "(.*):.*")) / (label_replace(sum by (instance) (rate(y_total{instance="h1:80"}[5m] offset 7d)), "host", "$1", "instance", "(.*):.*"))',
      'up and on (job, instance) group by (job, instance) (last_over_time(y_total{instance="h1:80"}[1h]))',
      'max by (job, instance) (time() - timestamp(y_total{instance="h1:80"}))',
    ],
  },
  {
    name: 'up == 0 itself: nothing to add',
    expr: 'up == 0',
    ruleLabels: {},
    alertLabels: { alertname: 'TargetDown', instance: 'h1:9100', job: 'node' },
    queries: [
      '(up{instance="h1:9100", job="node"}) / (up{instance="h1:9100", job="node"} offset 1d)',
      '(up{instance="h1:9100", job="node"}) / (up{instance="h1:9100", job="node"} offset 7d)',
    ],
  },
  {
    name: 'two vectors compared: a condition, no comparison with the past',
    expr: 'sum by (job) (rate(a_total[5m])) > on (job) sum by (job) (rate(b_total[5m]))',
    ruleLabels: {},
    alertLabels: { alertname: 'AB', job: 'api' },
    queries: [
      'topk(10, rate(a_total{job="api"}[5m]))',
      'topk(10, rate(b_total{job="api"}[5m]))',
      'up and on (job, instance) group by (job, instance) (last_over_time(a_total{job="api"}[1h]))',
      'max by (job, instance) (time() - timestamp(a_total{job="api"}))',
      'up and on (job, instance) group by (job, instance) (last_over_time(b_total{job="api"}[1h]))',
      'max by (job, instance) (time() - timestamp(b_total{job="api"}))',
    ],
  },
  {
    name: 'not PromQL: nothing',
    expr: 'sum by (server (rate(x[1m])) > 100',
    ruleLabels: {},
    alertLabels: { alertname: 'Broken', server: 'web1' },
    queries: [],
  },
];

/** Every alerting rule bundled in runbooks/haproxy, with labels an alert of it could carry. */
export function bundledRules(): {
  name: string;
  expr: string;
  ruleLabels: LabelSet;
  alertLabels: LabelSet;
}[] {
  const dir = path.join(repoRoot, 'runbooks', 'haproxy');
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.yml'))
    .flatMap((file) =>
      parseRuleFile(fs.readFileSync(path.join(dir, file), 'utf8')).rules.map((rule) => ({
        name: `${file}: ${rule.alert}`,
        expr: rule.expr.value,
        ruleLabels: rule.labels,
        alertLabels: {
          alertname: rule.alert,
          ...rule.labels,
          proxy: 'app',
          backend: 'app',
          frontend: 'fe',
          server: 'web1',
          instance: '127.0.0.1:8404',
          job: 'haproxy',
        },
      })),
    );
}
