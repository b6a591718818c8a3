// Writes that go to one Alertmanager of several: an HA cluster gossips silences to every peer, so
// a silence can be created or expired through any peer that answers. The peers are tried in the
// order configured; the answer says which one was used, so the journal and the screen can say so.
import type { NewSilence } from '../core/alerts/silence.js';
import { UserError } from '../core/errors.js';
import { createSilence, expireSilence } from './alertmanager.js';
import type { Endpoint } from './http-client.js';
import { SourceError } from './http-error.js';

/** What a write returned, and the Alertmanager (its display name) that took it. */
export interface PeerAnswer<T> {
  readonly value: T;
  readonly alertmanager: string;
  /** Why the peers tried before it failed, one line each; empty when the first answered. */
  readonly skipped: readonly string[];
}

/**
 * Runs `action` against each peer in order until one answers. A SourceError (refused, timeout,
 * 5xx, …) moves on to the next peer; when every peer fails, the error lists each one's reason.
 * Any other error is a bug and is thrown at once.
 */
export async function withFirstAnsweringPeer<T>(
  peers: readonly Endpoint[],
  action: (peer: Endpoint) => Promise<T>,
): Promise<PeerAnswer<T>> {
  if (peers.length === 0) {
    throw new UserError('no Alertmanager configured', { hint: 'Set --alertmanager.url.' });
  }
  const skipped: string[] = [];
  let last: SourceError | undefined;
  for (const peer of peers) {
    try {
      return { value: await action(peer), alertmanager: peer.name, skipped };
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      skipped.push(error.message);
      last = error;
    }
  }
  if (peers.length === 1 && last) throw last;
  throw new UserError(`no Alertmanager took the request: ${skipped.join('; ')}`, {
    hint: last?.hint ?? 'Check that at least one Alertmanager is running.',
    cause: last,
  });
}

/** Creates a silence through the first Alertmanager that answers; its id and the one used. */
export function createSilenceOnAnyPeer(
  peers: readonly Endpoint[],
  silence: NewSilence,
  signal?: AbortSignal,
): Promise<PeerAnswer<string>> {
  return withFirstAnsweringPeer(peers, (peer) => createSilence(peer, silence, signal));
}

/** Expires a silence through the first Alertmanager that answers; the one used. */
export function expireSilenceOnAnyPeer(
  peers: readonly Endpoint[],
  id: string,
  signal?: AbortSignal,
): Promise<PeerAnswer<void>> {
  return withFirstAnsweringPeer(peers, (peer) => expireSilence(peer, id, signal));
}
