// Creating and expiring silences, in one place: where the Alertmanager calls are made and recorded
// in the incident's journal. Every configured Alertmanager is tried in order until one answers (an
// HA cluster gossips silences to every peer), and the journal records which one took it.
import type { Endpoint } from '../sources/http-client.js';
import { createSilenceOnAnyPeer, expireSilenceOnAnyPeer } from '../sources/alertmanager-peers.js';
import type { Journal } from '../store/journal.js';
import { UserError } from '../core/errors.js';
import type { SilenceRequest } from './services.js';

/** Where silences go, and the clock. */
export interface SilenceDeps {
  readonly alertmanager: Endpoint | undefined;
  /** Every configured Alertmanager, tried in order; defaults to `alertmanager` alone. */
  readonly alertmanagers?: readonly Endpoint[] | undefined;
  readonly now: () => number;
}

/** The Alertmanagers to try, in the configured order. */
function peersOf(deps: SilenceDeps): readonly Endpoint[] {
  return deps.alertmanagers ?? (deps.alertmanager ? [deps.alertmanager] : []);
}

function requirePeers(deps: SilenceDeps): readonly Endpoint[] {
  const peers = peersOf(deps);
  if (peers.length === 0) {
    throw new UserError('no Alertmanager configured', {
      hint: 'Pass --alertmanager.url or run `sitrep config set alertmanager.url URL`.',
    });
  }
  return peers;
}

/**
 * Creates the silence through the first Alertmanager that answers and records silence-created;
 * resolves with its id and the Alertmanager used.
 */
export async function createAndRecordSilence(
  request: SilenceRequest,
  author: string,
  journal: Journal,
  deps: SilenceDeps,
): Promise<{ readonly id: string; readonly alertmanager: string }> {
  const peers = requirePeers(deps);
  const now = deps.now();
  const endsAt = new Date(now + request.durationMs).toISOString();
  const { value: id, alertmanager } = await createSilenceOnAnyPeer(peers, {
    matchers: request.matchers,
    startsAt: new Date(now).toISOString(),
    endsAt,
    createdBy: author,
    comment: request.comment,
  });
  await journal.append({
    type: 'silence-created',
    at: new Date(now).toISOString(),
    silenceId: id,
    matchers: request.matchers.map((m) => ({
      name: m.name,
      value: m.value,
      isRegex: m.op === '=~' || m.op === '!~',
      isEqual: m.op === '=' || m.op === '=~',
    })),
    comment: request.comment,
    author,
    endsAt,
    alertmanager,
  });
  return { id, alertmanager };
}

/** Expires the incident's silences that are still running, recording silence-expired for each. */
export async function expireIncidentSilences(journal: Journal, deps: SilenceDeps): Promise<void> {
  const peers = peersOf(deps);
  if (peers.length === 0) return;
  const nowIso = new Date(deps.now()).toISOString();
  const live = (journal.incident()?.silences ?? []).filter(
    (s) => s.expiredAt === undefined && s.endsAt > nowIso,
  );
  for (const silence of live) {
    const { alertmanager } = await expireSilenceOnAnyPeer(peers, silence.id);
    await journal.append({
      type: 'silence-expired',
      at: new Date(deps.now()).toISOString(),
      silenceId: silence.id,
      alertmanager,
    });
  }
}
