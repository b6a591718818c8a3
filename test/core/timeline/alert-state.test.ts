import { describe, expect, it } from 'vitest';
import { alertStateEvents, type FeedView } from '../../../src/core/timeline/alert-state.js';
import { alertStatus } from '../../../src/core/timeline/alert-status.js';
import { incidentOpenedEvent } from '../../../src/core/timeline/event-builders.js';
import type { TimelineEvent } from '../../../src/core/timeline/events.js';
import { fold } from '../../../src/core/timeline/fold.js';
import { decodeEvent } from '../../../src/core/timeline/decode-event.js';
import { testAlert } from '../../helpers/alerts.js';

const web1 = testAlert({ alertname: 'HaproxyServerConnectionErrors', server: 'web1', severity: 'critical' });
const web2 = testAlert({ alertname: 'HaproxyServerConnectionErrors', server: 'web2', severity: 'critical' });

function journal(...alerts: (typeof web1)[]): TimelineEvent[] {
  return [incidentOpenedEvent({ alerts, at: '2026-11-26T03:05:00.000Z', entropy: 'e' })];
}

/** Applies what the feed calls for to the journal, as the session does, and returns the new events. */
function observe(events: TimelineEvent[], feed: FeedView) {
  const incident = fold(events);
  if (!incident) throw new Error('no incident');
  const next = alertStateEvents(incident, feed);
  events.push(...next);
  return next;
}

const at = (minute: number) => `2026-11-26T03:${String(minute).padStart(2, '0')}:00.000Z`;

describe('alert state in the timeline', () => {
  it('records a resolution once, with the refresh that saw it gone and the one that last saw it', () => {
    const events = journal(web1);
    expect(observe(events, { alerts: [web1, web2], complete: true, at: at(10) })).toEqual([]);
    const resolved = observe(events, {
      alerts: [web2],
      complete: true,
      at: at(11),
      lastSeenAt: { [web1.fingerprint]: at(10) },
    });
    expect(resolved).toEqual([
      { type: 'alert-resolved', at: at(11), fingerprint: web1.fingerprint, lastSeenAt: at(10) },
    ]);
    // The next answers say the same: nothing more is recorded.
    expect(observe(events, { alerts: [web2], complete: true, at: at(12), lastSeenAt: {} })).toEqual([]);
    const incident = fold(events);
    expect(incident?.alerts[0]).toMatchObject({ state: 'resolved', resolvedAt: at(11), lastSeenAt: at(10) });
    expect(incident && alertStatus(incident)).toEqual({ kind: 'resolved', total: 1, resolvedAt: at(11) });
  });

  it('does not call an alert resolved when a source failed (missing is then unknown)', () => {
    const events = journal(web1);
    expect(observe(events, { alerts: [], complete: false, at: at(11) })).toEqual([]);
  });

  it('records firing again, with Alertmanager’s new start time, when a resolved alert comes back', () => {
    const events = journal(web1);
    observe(events, { alerts: [], complete: true, at: at(11) });
    const again = { ...web1, startsAt: '2026-11-26T03:14:30.000Z' };
    const fired = observe(events, { alerts: [again], complete: true, at: at(15) });
    expect(fired).toEqual([
      {
        type: 'alert-firing',
        at: at(15),
        alert: { fingerprint: web1.fingerprint, labels: web1.labels, startsAt: '2026-11-26T03:14:30.000Z' },
      },
    ]);
    expect(observe(events, { alerts: [again], complete: true, at: at(16) })).toEqual([]);
    const incident = fold(events);
    expect(incident?.alerts[0]).toMatchObject({ state: 'firing', startsAt: '2026-11-26T03:14:30.000Z' });
    expect(incident?.alerts[0]?.resolvedAt).toBeUndefined();
  });

  it('keeps silenced and inhibited alerts firing, and does not resolve one still pending', () => {
    const events = journal(web1, web2);
    const silenced = { ...web2, state: 'silenced' as const };
    const pending = { ...web1, state: 'pending' as const };
    expect(observe(events, { alerts: [pending, silenced], complete: true, at: at(11) })).toEqual([]);
    observe(events, { alerts: [silenced], complete: true, at: at(12) });
    expect(alertStatus(fold(events) ?? fail())).toMatchObject({ kind: 'firing', firing: 1, total: 2 });
    // Pending again after resolving is not firing again.
    expect(observe(events, { alerts: [pending, silenced], complete: true, at: at(13) })).toEqual([]);
  });

  it('records nothing for a closed incident', () => {
    const events = journal(web1);
    events.push({ type: 'incident-closed', at: at(9) });
    expect(observe(events, { alerts: [], complete: true, at: at(11) })).toEqual([]);
  });

  it('reads journals written before these fields existed, and the new fields back', () => {
    const old = decodeEvent({ v: 1, type: 'alert-resolved', at: at(11), fingerprint: 'abc' });
    expect(old).toEqual({ type: 'alert-resolved', at: at(11), fingerprint: 'abc' });
    const added = decodeEvent({
      v: 1,
      type: 'alert-firing',
      at: at(11),
      alert: { fingerprint: 'abc', labels: { a: 'b' }, startsAt: at(1) },
      addedBy: 'alice',
    });
    expect(added).toMatchObject({ addedBy: 'alice' });
    const run = decodeEvent({ v: 1, type: 'probe-run', at: at(11), probes: [], alert: 'abc' });
    expect(run).toMatchObject({ alert: 'abc' });
    expect(decodeEvent({ v: 1, type: 'probe-run', at: at(11), probes: [] })).not.toHaveProperty('alert');
  });
});

function fail(): never {
  throw new Error('no incident');
}
