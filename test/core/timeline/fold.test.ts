import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../../src/core/timeline/events.js';
import { applyEvent, fold } from '../../../src/core/timeline/fold.js';
import { stepProgress } from '../../../src/core/timeline/incident.js';
import { incidentId, sampleEvents } from './sample-events.js';

const opened = sampleEvents[0] as TimelineEvent;
const runbook = sampleEvents[1] as TimelineEvent;

describe('fold', () => {
  it('gives nothing for a journal without an incident-opened event', () => {
    expect(fold([])).toBeUndefined();
    expect(fold([{ at: '2026-11-23T14:00:00.000Z', type: 'incident-closed' }])).toBeUndefined();
  });

  it('folds a whole incident into its final state', () => {
    const incident = fold(sampleEvents);
    expect(incident).toMatchObject({
      id: incidentId,
      title: 'HaproxyServerConnectionErrors',
      alertname: 'HaproxyServerConnectionErrors',
      severity: 'critical',
      status: 'closed',
      summary: 'Server web1 refused connections for 11 minutes.',
      impact: 'Requests routed to the failing server get 503 errors.',
      impactEdited: false,
      openedAt: '2026-11-23T14:01:20.000Z',
      resolvedAt: '2026-11-23T14:12:30.000Z',
      closedAt: '2026-11-23T14:20:00.000Z',
      updatedAt: '2026-11-23T14:20:00.000Z',
      eventCount: 15,
      problems: [],
    });
    expect(incident?.alerts.map((a) => [a.fingerprint, a.state, a.resolvedAt])).toEqual([
      ['aaa1', 'resolved', '2026-11-23T14:12:00.000Z'],
      ['bbb2', 'firing', undefined],
    ]);
    expect(incident?.runbook).toEqual({
      source: { kind: 'file', path: 'runbooks/haproxy/server-connection-errors.md' },
      textHash: 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
      title: 'HAProxy server connection errors',
      openedAt: '2026-11-23T14:01:21.000Z',
    });
    expect(incident?.steps.map((s) => [s.step.id, s.status, s.at, s.reason])).toEqual([
      ['diagnosis-1', 'done', '2026-11-23T14:02:30.000Z', undefined],
      ['diagnosis-2', 'skipped', '2026-11-23T14:03:00.000Z', 'the dashboard shows it'],
      ['mitigation-1', 'done', '2026-11-23T14:05:00.000Z', undefined],
      ['mitigation-2', 'skipped', '2026-11-23T14:06:00.000Z', undefined],
      ['mitigation-3', 'todo', undefined, undefined],
    ]);
    expect(incident && stepProgress(incident)).toEqual({ done: 2, skipped: 2, total: 5 });
    expect(incident?.notes).toEqual([
      {
        at: '2026-11-23T14:03:10.000Z',
        text: 'web1 refuses connections.\nChecked the listener on the host.',
        author: 'alice',
      },
    ]);
    expect(incident?.probeRuns.map((r) => [r.at, r.stepId, r.probes.length])).toEqual([
      ['2026-11-23T14:02:00.000Z', 'diagnosis-1', 1],
      ['2026-11-23T14:02:05.000Z', undefined, 1],
    ]);
    expect(incident?.silences.map((s) => [s.id, s.createdAt, s.expiredAt])).toEqual([
      ['a1b2c3', '2026-11-23T14:04:00.000Z', '2026-11-23T14:13:00.000Z'],
    ]);
  });

  it('is the same as applying the events one by one (what the UI reducer does)', () => {
    const first = fold([opened]);
    const stepwise = sampleEvents.slice(1).reduce((state, event) => state && applyEvent(state, event), first);
    expect(stepwise).toEqual(fold(sampleEvents));
  });

  it('ignores, and says why, events that do not fit', () => {
    const incident = fold([
      { at: '2026-11-23T14:00:00.000Z', type: 'note-added', text: 'too early' },
      opened,
      { at: '2026-11-23T14:01:30.000Z', type: 'step-done', stepId: 'diagnosis-1' },
      runbook,
      { at: '2026-11-23T14:02:00.000Z', type: 'step-done', stepId: 'diagnosis-9' },
      { at: '2026-11-23T14:02:10.000Z', type: 'alert-resolved', fingerprint: 'zzz' },
      { at: '2026-11-23T14:02:20.000Z', type: 'silence-expired', silenceId: 'nope' },
      { ...opened, at: '2026-11-23T14:02:30.000Z' },
      { at: '2026-11-23T14:03:00.000Z', type: 'incident-closed' },
      { at: '2026-11-23T14:04:00.000Z', type: 'incident-resolved' },
    ]);
    expect(incident?.problems).toEqual([
      '2026-11-23T14:00:00.000Z note-added: recorded before the incident was opened; ignored',
      '2026-11-23T14:01:30.000Z step-done: the runbook has no step diagnosis-1; ignored',
      '2026-11-23T14:02:00.000Z step-done: the runbook has no step diagnosis-9; ignored',
      '2026-11-23T14:02:10.000Z alert-resolved: no alert with fingerprint zzz; ignored',
      '2026-11-23T14:02:20.000Z silence-expired: no silence nope was created in this incident; ignored',
      '2026-11-23T14:02:30.000Z incident-opened: the incident was already opened; ignored',
      '2026-11-23T14:04:00.000Z incident-resolved: the incident is already closed; ignored',
    ]);
    expect(incident?.notes).toEqual([]);
    expect(incident?.status).toBe('closed');
    expect(incident?.resolvedAt).toBeUndefined();
    expect(incident?.steps.every((s) => s.status === 'todo')).toBe(true);
  });

  it('keeps step states by id when the runbook is opened again, and drops steps it no longer has', () => {
    const incident = fold([
      opened,
      runbook,
      { at: '2026-11-23T14:02:00.000Z', type: 'step-done', stepId: 'diagnosis-1' },
      { at: '2026-11-23T14:02:10.000Z', type: 'step-skipped', stepId: 'diagnosis-2' },
      {
        at: '2026-11-23T14:03:00.000Z',
        type: 'runbook-opened',
        source: { kind: 'builtin' },
        textHash: 'sha256:ff',
        title: 'Edited runbook',
        steps: [
          { id: 'diagnosis-1', section: 'diagnosis', text: 'Check the error rate (reworded)' },
          { id: 'diagnosis-3', section: 'diagnosis', text: 'A new check' },
        ],
      },
      { at: '2026-11-23T14:03:10.000Z', type: 'step-reopened', stepId: 'diagnosis-1' },
    ]);
    expect(incident?.runbook?.title).toBe('Edited runbook');
    expect(incident?.steps.map((s) => [s.step.id, s.step.text, s.status])).toEqual([
      ['diagnosis-1', 'Check the error rate (reworded)', 'todo'],
      ['diagnosis-3', 'A new check', 'todo'],
    ]);
  });

  it('takes the impact from the runbook until someone edits it', () => {
    const edited = fold([
      opened,
      { at: '2026-11-23T14:01:30.000Z', type: 'impact-changed', value: 'Checkout was down for EU users.' },
      runbook,
    ]);
    expect(edited?.impact).toBe('Checkout was down for EU users.');
    expect(edited?.impactEdited).toBe(true);
    expect(fold([opened, runbook])?.impact).toBe('Requests routed to the failing server get 503 errors.');
  });

  it('adds an alert that starts firing later, and re-fires a resolved one', () => {
    const incident = fold([
      opened,
      { at: '2026-11-23T14:05:00.000Z', type: 'alert-resolved', fingerprint: 'aaa1' },
      {
        at: '2026-11-23T14:06:00.000Z',
        type: 'alert-firing',
        alert: { fingerprint: 'aaa1', labels: { server: 'web1' }, startsAt: '2026-11-23T14:05:50.000Z' },
      },
      {
        at: '2026-11-23T14:07:00.000Z',
        type: 'alert-firing',
        alert: { fingerprint: 'ccc3', labels: { server: 'web3' }, startsAt: '2026-11-23T14:06:40.000Z' },
      },
      { at: '2026-11-23T14:08:00.000Z', type: 'severity-changed', value: 'warning' },
    ]);
    expect(incident?.alerts.map((a) => [a.fingerprint, a.state, a.startsAt, a.resolvedAt])).toEqual([
      ['aaa1', 'firing', '2026-11-23T14:05:50.000Z', undefined],
      ['bbb2', 'firing', '2026-11-23T14:01:00.000Z', undefined],
      ['ccc3', 'firing', '2026-11-23T14:06:40.000Z', undefined],
    ]);
    expect(incident?.severity).toBe('warning');
  });

  it('never changes the state it is given', () => {
    const before = fold([opened, runbook]);
    const snapshot = JSON.stringify(before);
    if (before)
      applyEvent(before, { at: '2026-11-23T14:02:00.000Z', type: 'step-done', stepId: 'diagnosis-1' });
    expect(JSON.stringify(before)).toBe(snapshot);
  });
});

describe('fold over a long journal', () => {
  // fold grows its own lists in place; it must still give exactly what applying the events one by
  // one gives, and leave every state it handed out unchanged.
  const notes: TimelineEvent[] = Array.from({ length: 20_000 }, (_, i) => ({
    at: new Date(Date.parse('2026-11-23T15:00:00.000Z') + i * 1000).toISOString(),
    type: 'note-added' as const,
    text: `note ${i}`,
  }));
  const events = [...sampleEvents.filter((e) => e.type !== 'incident-closed'), ...notes, opened];

  it('equals applying each event in turn, for 20,000 notes and an ignored event', () => {
    const [first, ...rest] = events;
    const stepwise = rest.reduce(
      applyEvent,
      fold([first as TimelineEvent]) as NonNullable<ReturnType<typeof fold>>,
    );
    const folded = fold(events);
    expect(folded).toEqual(stepwise);
    expect(folded?.notes.at(-1)?.text).toBe('note 19999');
    expect(folded?.problems).toHaveLength(1);
  });

  it('adds notes in place with the same fields, in the same order, as applyEvent', () => {
    const withAuthors = events.map((e, i) =>
      e.type === 'note-added' && i % 2 === 0 ? { ...e, author: `author ${i % 3}` } : e,
    );
    const [first, ...rest] = withAuthors;
    const stepwise = rest.reduce(
      applyEvent,
      fold([first as TimelineEvent]) as NonNullable<ReturnType<typeof fold>>,
    );
    // Byte for byte, as the JSON export writes the incident: key order included.
    expect(JSON.stringify(fold(withAuthors))).toBe(JSON.stringify(stepwise));
  });

  it('never changes a state applyEvent was given', () => {
    const before = fold(events.slice(0, 5)) as NonNullable<ReturnType<typeof fold>>;
    const notesBefore = before.notes.length;
    applyEvent(before, notes[0] as TimelineEvent);
    expect(before.notes).toHaveLength(notesBefore);
  });
});
