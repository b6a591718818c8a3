// The reader's zone for the export's second time column. UTC is answered without Intl (whose first
// use costs 10 ms); everything else goes through Intl as before. Each case is checked against the
// Intl path, in a process set to each zone the system knows.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { intlZone, localZone } from '../../../src/core/export/local-zone.js';

const saved = process.env['TZ'];
afterEach(() => {
  if (saved === undefined) delete process.env['TZ'];
  else process.env['TZ'] = saved;
});

/** Every zone file under /usr/share/zoneinfo (aliases included), and every zone Intl lists. */
function allZones(): string[] {
  const root = '/usr/share/zoneinfo';
  const names = new Set<string>(Intl.supportedValuesOf('timeZone'));
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const name = dir === '' ? entry.name : `${dir}/${entry.name}`;
      if (entry.isDirectory() && entry.name !== 'posix' && entry.name !== 'right') walk(name);
      else if (!entry.isDirectory() && /^[A-Z]/.test(entry.name)) names.add(name);
    }
  };
  if (fs.existsSync(root)) walk('');
  return [...names].sort();
}

const instants = ['2026-11-23T14:01:20.000Z', '2026-07-01T00:00:00.000Z', '1999-12-31T23:59:59.999Z'];

describe('localZone', () => {
  it('gives what Intl gives for the system zone, whatever it is, with TZ not given', () => {
    const zones = allZones();
    expect(zones.length).toBeGreaterThan(400);
    let utc = 0;
    for (const zone of zones) {
      process.env['TZ'] = zone;
      const system = Intl.DateTimeFormat().resolvedOptions().timeZone;
      for (const at of instants) {
        expect(localZone({}, at), `${zone} at ${at}`).toEqual(intlZone(system, at));
      }
      if (system === 'UTC') utc += 1;
    }
    // UTC's aliases (Etc/UTC, Universal, Zulu, GMT, …) were among them.
    expect(utc).toBeGreaterThan(5);
  });

  it('gives what Intl gives for a TZ given as UTC, another zone, or one that does not exist', () => {
    process.env['TZ'] = 'Europe/Berlin';
    for (const tz of ['UTC', ':UTC', 'Etc/UTC', 'GMT', 'Europe/Berlin', 'America/New_York', 'Mars/Olympus']) {
      for (const at of instants) {
        expect(localZone({ TZ: tz }, at), `${tz} at ${at}`).toEqual(intlZone(tz.replace(/^:/, ''), at));
      }
    }
    expect(localZone({ TZ: 'UTC' }, instants[0] as string)).toEqual({
      zone: { name: 'UTC', offsetMinutes: 0 },
    });
    expect(localZone({ TZ: 'Europe/Berlin' }, instants[0] as string).zone.offsetMinutes).toBe(60);
    expect(localZone({ TZ: 'Mars/Olympus' }, instants[0] as string).warning).toBe(
      'unknown time zone "Mars/Olympus"; using UTC',
    );
  });

  it('takes the same path as before for an opening time that cannot be read', () => {
    process.env['TZ'] = 'UTC';
    expect(localZone({}, 'not a time')).toEqual(intlZone('UTC', 'not a time'));
  });
});
