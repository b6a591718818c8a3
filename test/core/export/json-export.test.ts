import { describe, expect, it } from 'vitest';
import { exportJson } from '../../../src/core/export/json-export.js';
import type { TimelineEvent } from '../../../src/core/timeline/events.js';
import { decodeEvent } from '../../../src/core/timeline/decode-event.js';
import { encodeEvent, parseJournal } from '../../../src/core/timeline/journal-codec.js';
import { sampleEvents } from '../timeline/sample-events.js';

describe('exportJson', () => {
  const text = exportJson(sampleEvents);
  const document = JSON.parse(text) as {
    format: string;
    schemaVersion: number;
    incident: { id: string; status: string; steps: unknown[]; notes: unknown[] };
    events: unknown[];
  };

  it('holds the format, the schema version, the folded incident and every event', () => {
    expect(document.format).toBe('sitrep-incident');
    expect(document.schemaVersion).toBe(1);
    expect(document.incident).toMatchObject({
      id: '2026-11-23-HaproxyServerConnectionErrors-3f2a',
      status: 'closed',
    });
    expect(document.incident.steps).toHaveLength(5);
    expect(document.events).toHaveLength(sampleEvents.length);
    expect(document.events.map((e) => decodeEvent(e))).toEqual(sampleEvents);
  });

  it('writes NaN as a string, not as null', () => {
    expect(text).toContain('"value": "NaN"');
    expect(text).not.toContain('null');
  });

  it('is pretty, ends with a newline, and is the same bytes every time', () => {
    expect(text.startsWith('{\n  "format": "sitrep-incident",\n  "schemaVersion": 1,\n')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    const journal = sampleEvents.map((e) => `${encodeEvent(e)}\n`).join('');
    expect(exportJson(parseJournal(journal).events)).toBe(text);
  });

  it('redacts secrets in every string', () => {
    const events: TimelineEvent[] = [
      ...sampleEvents.slice(0, 1),
      {
        at: '2026-11-23T14:03:10.000Z',
        type: 'note-added',
        text: 'see https://bob:hunter2@grafana.example.com/',
      },
    ];
    const json = exportJson(events);
    expect(json).not.toContain('hunter2');
    expect(json).toContain('see https://grafana.example.com/');
  });
});

describe('exportJson on a terminal', () => {
  it('escapes C1 controls and bidi overrides, which stay the same text for a JSON reader', () => {
    const text = 'a\u009b31mb\u202ec\u001b[2J';
    const json = exportJson([
      ...sampleEvents.slice(0, 1),
      { at: '2026-11-23T14:03:10.000Z', type: 'note-added', text },
    ]);
    expect(json).not.toMatch(/[\u009b\u202e]/);
    expect(json).not.toContain(String.fromCharCode(0x1b));
    expect((JSON.parse(json) as { events: { text?: string }[] }).events[1]?.text).toBe(text);
  });
});
