// A scratch home whose data folder holds incident journals, for tests that run `sitrep` commands
// on incidents (export, resume, note): the environment points every sitrep folder there.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TimelineEvent } from '../../src/core/timeline/events.js';
import { encodeEvent } from '../../src/core/timeline/journal-codec.js';

export interface IncidentHome {
  readonly home: string;
  readonly env: Record<string, string>;
  /** Where the journals are (`<home>/data/sitrep/incidents`). */
  readonly incidents: string;
  remove(): void;
}

/** A new scratch home with one journal per incident id, in Berlin time, as user alice. */
export function incidentHome(
  name: string,
  journals: Readonly<Record<string, readonly TimelineEvent[]>>,
): IncidentHome {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), `sitrep-${name}-`));
  const env = { XDG_DATA_HOME: path.join(home, 'data'), HOME: home, TZ: 'Europe/Berlin', USER: 'alice' };
  const incidents = path.join(home, 'data', 'sitrep', 'incidents');
  fs.mkdirSync(incidents, { recursive: true });
  for (const [id, events] of Object.entries(journals))
    fs.writeFileSync(path.join(incidents, `${id}.jsonl`), events.map((e) => `${encodeEvent(e)}\n`).join(''));
  return { home, env, incidents, remove: () => fs.rmSync(home, { recursive: true, force: true }) };
}
