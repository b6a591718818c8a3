// Creating and expiring silences, in one place: where the Alertmanager calls are made and recorded
// in the incident's journal. (Which Alertmanager answers is decided here too, so trying the next
// one of a cluster is a change to this file only.)
import type { Endpoint } from '../sources/http-client.js';
import { createSilence, expireSilence } from '../sources/alertmanager.js';
import type { Journal } from '../store/journal.js';
import { UserError } from '../core/errors.js';
import type { SilenceRequest } from './services.js';

/** Where silences go, and the clock. */
export interface SilenceDeps {
  readonly alertmanager: Endpoint | undefined;
  readonly now: () => number;
}

function requireAlertmanager(deps: SilenceDeps): Endpoint {
  if (!deps.alertmanager) {
    throw new UserError('no Alertmanager configured', {
      hint: 'Pass --alertmanager.url or run `sitrep config set alertmanager.url URL`.',
    });
  }
  return deps.alertmanager;
}

/** Creates the silence in Alertmanager and records silence-created; resolves with its id. */
export async function createAndRecordSilence(
  request: SilenceRequest,
  author: string,
  journal: Journal,
  deps: SilenceDeps,
): Promise<string> {
  const alertmanager = requireAlertmanager(deps);
  const now = deps.now();
  const endsAt = new Date(now + request.durationMs).toISOString();
  const id = await createSilence(alertmanager, {
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
  });
  return id;
}

/** Expires the incident's silences that are still running, recording silence-expired for each. */
export async function expireIncidentSilences(journal: Journal, deps: SilenceDeps): Promise<void> {
  if (!deps.alertmanager) return;
  const nowIso = new Date(deps.now()).toISOString();
  const live = (journal.incident()?.silences ?? []).filter(
    (s) => s.expiredAt === undefined && s.endsAt > nowIso,
  );
  for (const silence of live) {
    await expireSilence(deps.alertmanager, silence.id);
    await journal.append({
      type: 'silence-expired',
      at: new Date(deps.now()).toISOString(),
      silenceId: silence.id,
    });
  }
}
