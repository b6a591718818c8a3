// Silences through the first Alertmanager that answers (issue #11, defect 2): the first listed
// peer is dead, the next takes the request, and the answer names it.
import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import {
  createSilenceOnAnyPeer,
  expireSilenceOnAnyPeer,
  withFirstAnsweringPeer,
} from '../../src/sources/alertmanager-peers.js';
import type { Endpoint } from '../../src/sources/http-client.js';
import { SourceError } from '../../src/sources/http-error.js';
import { refusedUrl, startFaultServer, type FaultServer } from '../helpers/fault-server.js';

const servers: FaultServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const peer = (name: string, url: string): Endpoint => ({ kind: 'alertmanager', name, url, retries: 0 });
const silence = {
  matchers: [{ name: 'server', op: '=' as const, value: 'web1' }],
  startsAt: '2026-11-29T06:00:00.000Z',
  endsAt: '2026-11-29T07:00:00.000Z',
  createdBy: 'oncall',
  comment: 'draining',
};

async function livePeer() {
  const server = await startFaultServer({
    '/api/v2/silences': { kind: 'json', body: { silenceID: 'sil-1' } },
    '/api/v2/silence/sil-1': { kind: 'text', status: 200, body: '' },
  });
  servers.push(server);
  return server;
}

describe('silences through the first Alertmanager that answers', () => {
  it('creates and expires through the next peer when the first is dead, and says which', async () => {
    const dead = await refusedUrl();
    const live = await livePeer();
    const peers = [peer('am-dead', dead), peer('am-live', live.url)];
    const created = await createSilenceOnAnyPeer(peers, silence);
    expect(created).toMatchObject({ value: 'sil-1', alertmanager: 'am-live' });
    expect(created.skipped).toEqual([expect.stringContaining('alertmanager am-dead: connection refused')]);
    const expired = await expireSilenceOnAnyPeer(peers, 'sil-1');
    expect(expired.alertmanager).toBe('am-live');
    expect(live.requests.map((r) => [r.method, r.path])).toEqual([
      ['POST', '/api/v2/silences'],
      ['DELETE', '/api/v2/silence/sil-1'],
    ]);
  });

  it('uses only the first peer when it answers', async () => {
    const first = await livePeer();
    const second = await livePeer();
    const created = await createSilenceOnAnyPeer([peer('a', first.url), peer('b', second.url)], silence);
    expect(created).toMatchObject({ alertmanager: 'a', skipped: [] });
    expect(second.requests).toHaveLength(0);
  });

  it('names every peer when none answers, and keeps a lone peer’s own error', async () => {
    const [one, two] = [await refusedUrl(), await refusedUrl()];
    const error = await createSilenceOnAnyPeer([peer('am-1', one), peer('am-2', two)], silence).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(
      /^no Alertmanager took the request: alertmanager am-1: connection refused .*; alertmanager am-2: connection refused/,
    );
    const alone = await createSilenceOnAnyPeer([peer('am-1', one)], silence).catch((e: unknown) => e);
    expect(alone).toBeInstanceOf(SourceError);
  });

  it('throws a bug at once instead of trying the next peer', async () => {
    let calls = 0;
    const bug = withFirstAnsweringPeer([peer('a', 'http://a'), peer('b', 'http://b')], () => {
      calls += 1;
      return Promise.reject(new TypeError('boom'));
    });
    await expect(bug).rejects.toThrow(TypeError);
    expect(calls).toBe(1);
  });
});
