// What sitrep may say when it lists no alert: "nothing firing" is true only when every source
// answered. With a source down (a dead Alertmanager, a timeout at 50,000 alerts) the same empty list
// means "nothing that the answering sources know of", and saying less would hide that.
import type { AlertFeedSnapshot } from '../../sources/alert-feed.js';

/** How much of the configured sources the listed alerts come from. */
export type Coverage =
  | { readonly kind: 'none' }
  | { readonly kind: 'partial'; readonly silent: number; readonly total: number }
  | { readonly kind: 'all' };

/** The sources' coverage of a snapshot: none answered yet, some not answering now, or all ok. */
export function coverageOf(snapshot: Pick<AlertFeedSnapshot, 'sources'>): Coverage {
  const { sources } = snapshot;
  if (sources.every((s) => s.lastSuccessAt === undefined)) return { kind: 'none' };
  const silent = sources.filter((s) => s.health !== 'ok').length;
  return silent === 0 ? { kind: 'all' } : { kind: 'partial', silent, total: sources.length };
}

/** The header's words when no alert fires. */
export function nothingFiringHeadline(coverage: Coverage): string {
  switch (coverage.kind) {
    case 'none':
      return 'no source has answered yet';
    case 'partial':
      return `nothing firing in the sources that answered (${coverage.silent} of ${coverage.total} not answering)`;
    case 'all':
      return 'nothing firing';
    default: {
      const unreachable: never = coverage;
      return unreachable;
    }
  }
}

/** The inbox's line when it lists no alert (and no filter hides any). */
export function emptyInboxText(coverage: Coverage): string {
  switch (coverage.kind) {
    case 'none':
      return 'No alerts known: no source has answered yet (see above).';
    case 'partial':
      return `No alerts from the sources that answered; ${coverage.silent} of ${coverage.total} not answering (see above), so some may be missing.`;
    case 'all':
      return 'No alerts firing.';
    default: {
      const unreachable: never = coverage;
      return unreachable;
    }
  }
}
