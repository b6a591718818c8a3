// The resolved configuration a command runs with: which servers to ask, how to authenticate to
// them, how long to wait and how to print. Built once from flags, environment, the config file and
// defaults (see resolve.ts), then never changed.

import type { OAuth2Settings } from './http-config.js';

/** The two kinds of server sitrep reads alerts from. */
export type SourceKind = 'alertmanager' | 'prometheus';

/** How `sitrep alerts` and friends print: amtool's `-o simple|extended|json`. */
export type OutputFormat = 'simple' | 'extended' | 'json';

export const outputFormats: readonly OutputFormat[] = ['simple', 'extended', 'json'];

/** A secret given inline in a config file, or the path of a file read at request time. */
export type Secret =
  { readonly kind: 'inline'; readonly value: string } | { readonly kind: 'file'; readonly path: string };

/** How requests to a source authenticate. */
export type AuthConfig =
  | { readonly kind: 'none' }
  /** `Authorization: <type> <credentials>`; type is `Bearer` unless configured. */
  | { readonly kind: 'authorization'; readonly type: string; readonly credentials: Secret }
  | { readonly kind: 'basic'; readonly username: string; readonly password: Secret | undefined };

/** TLS settings for an https source. Paths are absolute once resolved. */
export interface TlsConfig {
  readonly caFile?: string;
  readonly certFile?: string;
  readonly keyFile?: string;
  readonly serverName?: string;
  /** Skip certificate verification. sitrep warns whenever this is on. */
  readonly insecureSkipVerify: boolean;
}

/** One server: an Alertmanager or a Prometheus-compatible API (Thanos, Mimir, VictoriaMetrics). */
export interface SourceConfig {
  readonly kind: SourceKind;
  /** Shown in tables and errors: the configured name, or the URL's host and path. */
  readonly name: string;
  /** Base URL without credentials; may carry a path prefix such as `https://mimir.example/prometheus`. */
  readonly url: string;
  /** Extra request headers, e.g. `X-Scope-OrgID` for a multi-tenant backend. */
  readonly headers: Readonly<Record<string, string>>;
  readonly auth: AuthConfig;
  readonly tls: TlsConfig;
  /** Per request attempt. */
  readonly timeoutMs: number;
  /** A response body larger than this is refused. */
  readonly maxResponseBytes: number;
  /** OAuth 2.0 client credentials (http_config `oauth2`); used instead of `auth` when set. */
  readonly oauth2?: OAuth2Settings;
  /** http_config `proxy_url`: every request to this source goes through it. */
  readonly proxyUrl?: string;
}

/** Everything a command that talks to servers needs. */
export interface Config {
  /** One or more: an HA cluster is deduplicated by fingerprint, regions add up. */
  readonly alertmanagers: readonly SourceConfig[];
  /** Undefined when switched off with an empty `--prometheus.url=`. */
  readonly prometheus: SourceConfig | undefined;
  readonly output: OutputFormat;
  /** How often the screen re-runs the focused step's probes (`--probe.interval`, `probe_interval`). */
  readonly probeIntervalMs?: number;
}

/** Defaults: the ports every Prometheus install uses. */
export const defaults = {
  alertmanagerUrl: 'http://localhost:9093',
  prometheusUrl: 'http://localhost:9090',
  timeoutMs: 5_000,
  output: 'simple' as OutputFormat,
  /** Room for 100,000 alerts as Alertmanager sends them uncompressed (about 70 MB). */
  maxResponseBytes: 256 * 1024 * 1024,
} as const;
