// Which proxy runbook URLs go through, apart from proxy.ts and its agents: finding a runbook needs
// the proxy's URL, and only fetching one needs the agents.
import type { Config } from '../core/config/config.js';

/**
 * The proxy runbook URLs are fetched through: Prometheus's `proxy_url`, else the first
 * Alertmanager's with one (a runbook wiki sits behind the same proxy as the servers).
 */
export function runbookProxy(config: Config): string | undefined {
  return [config.prometheus, ...config.alertmanagers].find((s) => s?.proxyUrl !== undefined)?.proxyUrl;
}
