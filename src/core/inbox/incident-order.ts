// Where the inbox lists its open incidents: those with an alert still firing first, in the order
// given (newest first), then those whose alerts all resolved more than a while ago, the most
// recently resolved first. An incident nobody closed after its alerts went away should not push
// the live ones down the list, but it stays listed (it is still open) and says since when it is quiet.

/** After this long with every alert resolved, an open incident moves below the live ones. */
export const quietAfterMs = 15 * 60_000;

/** What the order needs to know about an incident. */
export interface IncidentFacts {
  readonly id: string;
  /** Fingerprints of the incident's alerts. */
  readonly fingerprints: readonly string[];
  /** When the journal saw the last of its alerts resolve (ISO); undefined while any fires. */
  readonly alertsResolvedAt?: string | undefined;
}

/** The incidents in inbox order, and when each resolved one resolved. */
export interface ArrangedIncidents<T extends IncidentFacts> {
  readonly incidents: readonly T[];
  /** How many of `incidents`, from the start, are live (or resolved too recently to move). */
  readonly live: number;
  /** Incident id → ISO time its alerts resolved, for those the feed does not show firing again. */
  readonly resolvedAt: ReadonlyMap<string, string>;
}

/**
 * Orders incidents for the inbox. `firing` says whether the feed shows an alert firing now: an
 * incident the journal calls resolved whose alert fires again is live, whatever the journal says.
 */
export function arrangeIncidents<T extends IncidentFacts>(
  incidents: readonly T[],
  firing: (fingerprint: string) => boolean,
  nowMs: number,
): ArrangedIncidents<T> {
  const resolvedAt = new Map<string, string>();
  const live: T[] = [];
  const quiet: { incident: T; atMs: number }[] = [];
  for (const incident of incidents) {
    const at = incident.alertsResolvedAt;
    const atMs = at === undefined ? Number.NaN : Date.parse(at);
    if (at === undefined || Number.isNaN(atMs) || incident.fingerprints.some(firing)) {
      live.push(incident);
      continue;
    }
    resolvedAt.set(incident.id, at);
    if (nowMs - atMs > quietAfterMs) quiet.push({ incident, atMs });
    else live.push(incident);
  }
  quiet.sort((a, b) => b.atMs - a.atMs);
  return { incidents: [...live, ...quiet.map((q) => q.incident)], live: live.length, resolvedAt };
}
