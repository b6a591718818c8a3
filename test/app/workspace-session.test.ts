// The real session over a real journal folder: which incident an alert opens, what is recorded
// about its alerts and probes, and that nothing is left open.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addToWorkspaceSession,
  openWorkspaceSession,
  resumeWorkspaceSession,
} from '../../src/app/workspace-session.js';
import type { WorkspaceSession } from '../../src/app/services.js';
import { UserError } from '../../src/core/errors.js';
import { parseJournal } from '../../src/core/timeline/journal-codec.js';
import { testAlert } from '../helpers/alerts.js';
import { tempDirs } from '../store/temp-dir.js';
import { sessionDeps } from './session-deps.js';

const newDir = tempDirs();
const web1 = testAlert({ alertname: 'HaproxyServerConnectionErrors', server: 'web1', severity: 'critical' });
const web2 = testAlert({ alertname: 'HaproxyServerConnectionErrors', server: 'web2', severity: 'critical' });
const open: WorkspaceSession[] = [];
afterEach(async () => {
  for (const session of open.splice(0)) await session.close();
});

function track(session: WorkspaceSession): WorkspaceSession {
  open.push(session);
  return session;
}

/** The events on disk, as another process would read them. */
function onDisk(dir: string, id: string) {
  return parseJournal(fs.readFileSync(path.join(dir, `${id}.jsonl`), 'utf8')).events;
}

describe('which incident an alert opens', () => {
  it('gives two alerts of the same name two incidents, and resumes each by its own alert', async () => {
    const dir = newDir();
    const { deps } = sessionDeps(dir);
    const first = track(await openWorkspaceSession([web1], deps));
    const second = track(await openWorkspaceSession([web2], deps));
    expect(second.id).not.toBe(first.id);
    expect(second.incident().alerts.map((a) => a.labels['server'])).toEqual(['web2']);
    const again = track(await openWorkspaceSession([web1], deps));
    expect(again.id).toBe(first.id);
    // A group holding both is about other alerts than either incident: a new one.
    const group = track(await openWorkspaceSession([web1, web2], deps));
    expect([first.id, second.id]).not.toContain(group.id);
  });

  it('adds an alert to an open incident only when asked, recording who did', async () => {
    const dir = newDir();
    const { deps } = sessionDeps(dir);
    const first = track(await openWorkspaceSession([web1], deps));
    await first.close();
    const added = track(await addToWorkspaceSession(first.id, [web2], 'alice', [web1, web2], deps));
    expect(added.id).toBe(first.id);
    const event = onDisk(dir, first.id).find((e) => e.type === 'alert-firing');
    expect(event).toMatchObject({ addedBy: 'alice', alert: { fingerprint: web2.fingerprint } });
    // From now on opening web2 resumes that incident.
    const reopened = track(await openWorkspaceSession([web2], deps));
    expect(reopened.id).toBe(first.id);
  });

  it('resumes with the incident’s own alerts from the feed, never others of the same name', async () => {
    const dir = newDir();
    const { deps } = sessionDeps(dir);
    const first = track(await openWorkspaceSession([web2], deps));
    await first.close();
    const resumed = track(await resumeWorkspaceSession(first.id, [web1, web2], deps));
    expect(resumed.probeAlert.fingerprint).toBe(web2.fingerprint);
  });
});

describe('what a session records', () => {
  it('journals a probe run only when the value changed, with the alert it ran for', async () => {
    const dir = newDir();
    const { deps, value } = sessionDeps(dir);
    const session = track(await openWorkspaceSession([web1], deps));
    const step = session.probeSteps[0]?.id ?? '';
    const runs = () => onDisk(dir, session.id).filter((e) => e.type === 'probe-run');
    await session.runProbes(step, () => undefined);
    await session.runProbes(step, () => undefined);
    await session.close();
    expect(runs()).toHaveLength(1);
    const reopened = track(await resumeWorkspaceSession(session.id, [web1], deps));
    value.current = 240;
    await reopened.runProbes(step, () => undefined);
    await reopened.close();
    expect(value.queries).toBe(3);
    expect(runs()).toHaveLength(2);
    expect(runs()[1]).toMatchObject({ alert: web1.fingerprint });
  });

  it('records the alert resolving once, as the feed saw it, and stops watching on close', async () => {
    const dir = newDir();
    const { deps, feed } = sessionDeps(dir);
    const session = track(await openWorkspaceSession([web1], deps));
    const seen = feed.answer([web1, web2]);
    feed.answer([web2], true); // the source failed: web1 missing means nothing
    const gone = feed.answer([web2]);
    feed.answer([web2]);
    await session.close();
    const resolved = onDisk(dir, session.id).flatMap((e) => (e.type === 'alert-resolved' ? [e] : []));
    expect(resolved).toHaveLength(1);
    expect(resolved[0]).toMatchObject({ at: gone, fingerprint: web1.fingerprint });
    // Last seen by the first answer: the failed refresh in between did not see it.
    expect(resolved[0]?.lastSeenAt).toBe(seen);
    expect(feed.listenerCount()).toBe(0);
  });

  it('says in words when the alert rule could not be looked up, with the hint', async () => {
    const dir = newDir();
    const failure = new UserError('Prometheus answered HTTP 401 not authorized', {
      hint: 'Check the credentials in --http.config.file.',
    });
    const { deps } = sessionDeps(dir, { ruleFails: failure });
    const session = track(await openWorkspaceSession([web1], deps));
    expect(session.runbook.problems[0]).toBe(
      'Alert rule lookup failed: Prometheus answered HTTP 401 not authorized. Check the credentials in --http.config.file.',
    );
  });

  it("looks up each alert's value at firing from its own series", async () => {
    const { deps, value } = sessionDeps(newDir());
    value.current = 143;
    const session = track(await openWorkspaceSession([web1], deps));
    const facts = await session.alertFacts!();
    expect(facts.valueAtFiring[web1.fingerprint]).toEqual({
      known: true,
      value: 143,
      unit: undefined,
      at: web1.startsAt,
    });
    expect(facts.silences).toEqual({});

    // Prometheus (the stand-in) answers only web1's series: web2's value is unknown, not web1's.
    const other = track(await openWorkspaceSession([web2], deps));
    const unknown = (await other.alertFacts!()).valueAtFiring[web2.fingerprint];
    expect(unknown).toEqual({ known: false, reason: expect.stringMatching(/no sample/) as string });
  });

  it('drops what arrives after close instead of failing on a closed journal', async () => {
    const dir = newDir();
    const { deps } = sessionDeps(dir);
    const session = await openWorkspaceSession([web1], deps);
    await session.close();
    await expect(
      session.record({ type: 'note-added', at: new Date().toISOString(), text: 'late' }),
    ).resolves.toBe(undefined);
  });
});

describe('a session that cannot be built', () => {
  it('passes the error on and keeps the incident it recorded (session-leak.test.ts checks the handle)', async () => {
    const dir = newDir();
    const { deps } = sessionDeps(dir);
    const failing = { ...deps, findRunbook: () => Promise.reject(new Error('runbook folder unreadable')) };
    await expect(openWorkspaceSession([web1], failing)).rejects.toThrow('runbook folder unreadable');
    const { incidents } = await deps.store.list();
    expect(incidents).toHaveLength(1);
  });
});

describe('exporting from the session', () => {
  it('links each probe to the graph of the Prometheus it ran against, without credentials', async () => {
    const dir = newDir();
    const { deps } = sessionDeps(dir);
    const session = track(
      await openWorkspaceSession([web1], { ...deps, prometheusUrl: 'http://127.0.0.1:9/prom' }),
    );
    await session.runProbes(session.probeSteps[0]?.id ?? '', () => undefined);
    const file = await session.exportNotes('md', path.join(dir, 'notes.md'));
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toMatch(/\]\(http:\/\/127\.0\.0\.1:9\/prom\/graph\?/);
  });
});
