// The checks `sitrep doctor` runs, each giving a verdict in words and, when something is wrong,
// what to do about it. Every text from a server passes the sanitizer before it is returned.
import fs from 'node:fs';
import path from 'node:path';
import type { Rule } from '../../core/alerts/prometheus-api.js';
import type { SourceConfig } from '../../core/config/config.js';
import { errorMessage } from '../../core/errors.js';
import { countOf } from '../../core/format/count.js';
import { chooseRunbook } from '../../core/runbook/match.js';
import { sanitizeLine } from '../../core/sanitize.js';
import { getStatus } from '../../sources/alertmanager.js';
import { SourceError } from '../../sources/http-error.js';
import { getBuildInfo, getRules } from '../../sources/prometheus.js';
import { openRunbookLibrary } from '../../sources/runbook-library-open.js';
import type { CommandContext } from '../command.js';

/** One finding: fine, worth knowing, or wrong (exit 1). */
export interface Check {
  readonly verdict: 'ok' | 'note' | 'fail';
  readonly what: string;
  /** What to do about it, when something is to be done. */
  readonly fix?: string;
}

const authWords = (source: SourceConfig): string =>
  source.oauth2
    ? 'OAuth2 client credentials'
    : source.auth.kind === 'basic'
      ? 'basic auth'
      : source.auth.kind === 'authorization'
        ? `${source.auth.type} credentials`
        : '';

/** A source check; for an Alertmanager in a cluster, how many peers the cluster has. */
export type SourceCheck = Check & { readonly clusterPeers?: number };

/** Reaches a source: its version, whether its credentials and TLS were accepted, its cluster. */
export async function checkSource(source: SourceConfig, configured: boolean): Promise<SourceCheck> {
  const label = `${source.kind} ${source.url}`;
  try {
    const status = source.kind === 'alertmanager' ? await getStatus(source) : undefined;
    const version = status ? status.version : (await getBuildInfo(source)).version;
    const clustered = status !== undefined && status.clusterStatus !== 'disabled';
    const extras = [
      clustered && `cluster ${sanitizeLine(status.clusterStatus)}, ${countOf(status.peers.length, 'peer')}`,
      authWords(source) && `${authWords(source)} accepted`,
      source.url.startsWith('https:') &&
        (source.tls.insecureSkipVerify ? 'TLS NOT verified (insecure_skip_verify)' : 'TLS verified'),
      source.proxyUrl && 'through the proxy',
    ].filter((x): x is string => typeof x === 'string' && x !== '');
    const name = source.kind === 'alertmanager' ? 'Alertmanager' : 'Prometheus API';
    return {
      verdict: 'ok',
      what: `${label}: ${name} ${sanitizeLine(version)}${extras.length ? `; ${extras.join(', ')}` : ''}`,
      ...(clustered ? { clusterPeers: status.peers.length } : {}),
    };
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    if (!configured) {
      return {
        verdict: 'note',
        what: `${label}: the built-in default, not configured, and nothing answers there (${error.kind.replace('-', ' ')})`,
        fix:
          source.kind === 'prometheus'
            ? 'Give --prometheus.url (or `sitrep config set prometheus.url URL`), or `sitrep config set prometheus.url ""` to go without.'
            : 'Give --alertmanager.url, or `sitrep config set alertmanager.url URL`.',
      };
    }
    return {
      verdict: 'fail',
      what: sanitizeLine(error.message),
      ...(error.hint ? { fix: sanitizeLine(error.hint) } : {}),
    };
  }
}

/**
 * An Alertmanager cluster with more peers than sitrep is given: Alertmanager does not share alerts
 * between peers, so when the one peer sitrep reads goes down (or a sender reaches only some peers),
 * sitrep shows less than fires. A note, not a failure.
 */
export function checkClusterCoverage(
  checks: readonly SourceCheck[],
  alertmanagers: number,
): Check | undefined {
  const peers = Math.max(0, ...checks.map((c) => c.clusterPeers ?? 0));
  if (peers <= alertmanagers) return undefined;
  return {
    verdict: 'note',
    what: `the Alertmanager cluster has ${peers} peers; sitrep is given ${alertmanagers} of them`,
    fix: 'Give every peer (repeat --alertmanager.url, or list each under alertmanager: in the config file), so that one peer going down hides no alert.',
  };
}

/** Whether every alert rule Prometheus has gets a runbook from the folders or its annotation. */
export async function checkRuleRunbooks(prometheus: SourceConfig, context: CommandContext): Promise<Check[]> {
  let rules: Rule[];
  try {
    const { groups } = await getRules(prometheus, { type: 'alert' });
    rules = groups.flatMap((g) => g.rules).filter((r) => r.type === 'alerting');
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    return [
      {
        verdict: 'note',
        what: `runbooks: could not read Prometheus's rules (${sanitizeLine(error.message)})`,
      },
    ];
  }
  const library = await openRunbookLibrary(context);
  const checks: Check[] = library.warnings.map((w) => ({
    verdict: 'note' as const,
    what: `runbooks: ${sanitizeLine(w)}`,
    fix: 'Fix the folder list: --runbooks.dir, SITREP_RUNBOOK_DIRS or `sitrep config set runbooks.dirs …`.',
  }));
  const names = new Map<string, Rule>();
  for (const rule of rules) if (!names.has(rule.name)) names.set(rule.name, rule);
  const missing: string[] = [];
  let fromFolders = 0;
  let fromUrl = 0;
  for (const [name, rule] of names) {
    const runbookUrl = rule.annotations['runbook_url'] ?? rule.annotations['runbook'];
    const choice = chooseRunbook(
      { name, labels: { alertname: name, ...rule.labels }, runbookUrl },
      library.entries,
    );
    if (choice.kind === 'file') fromFolders += 1;
    else if (choice.kind === 'url') fromUrl += 1;
    else missing.push(sanitizeLine(name));
  }
  const summary = `runbooks: ${countOf(names.size, 'alert rule')} in Prometheus; ${fromFolders} with a runbook in the folders, ${fromUrl} by runbook_url`;
  if (missing.length === 0) return [...checks, { verdict: 'ok', what: summary }];
  const shown =
    missing.slice(0, 10).join(', ') + (missing.length > 10 ? `, and ${missing.length - 10} more` : '');
  return [
    ...checks,
    {
      verdict: 'note',
      what: `${summary}; ${missing.length} only get the generic runbook: ${shown}`,
      fix: 'Write runbooks/<alertname>.md (check it with `sitrep lint`) or give the rule a runbook_url annotation.',
    },
  ];
}

/** Whether incident journals can be written where sitrep keeps them. */
export function checkJournalFolder(dir: string): Check {
  let existing = dir;
  while (!fs.existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  try {
    if (existing === dir) {
      const probe = path.join(dir, `.sitrep-doctor-${process.pid}`);
      fs.writeFileSync(probe, '');
      fs.rmSync(probe);
      return { verdict: 'ok', what: `journal folder ${dir} is writable` };
    }
    if (!fs.statSync(existing).isDirectory()) {
      throw Object.assign(new Error('not a folder'), { code: `ENOTDIR: ${existing} is a file` });
    }
    fs.accessSync(existing, fs.constants.W_OK);
    return {
      verdict: 'ok',
      what: `journal folder ${dir} will be made on the first incident (${existing} is writable)`,
    };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? errorMessage(error);
    return {
      verdict: 'fail',
      what: `journal folder ${dir} is not writable (${code})`,
      fix: 'Make it writable, or point XDG_DATA_HOME at a folder that is.',
    };
  }
}
