import { useEffect, type Dispatch } from 'react';
import type { AppAction } from '../state/app-state.js';
import { probeRefreshTarget } from '../state/workspace-probes.js';
import type { WorkspaceState } from '../state/workspace-state.js';

/**
 * Re-runs the focused step's probes every `intervalMs` while it stays focused: one timer, armed
 * only while the last run has ended (so runs never overlap) and no dialog is open (so the refresh
 * pauses under one). The reducer decides, when the timer fires, whether the step is still due.
 */
export function useProbeRefresh(
  workspace: WorkspaceState | undefined,
  intervalMs: number,
  now: () => number,
  dispatch: Dispatch<AppAction>,
): void {
  const target = workspace ? probeRefreshTarget(workspace) : undefined;
  const stepId = target?.stepId;
  const finishedAt = target?.finishedAt;
  const runs = target?.runs;
  useEffect(() => {
    if (stepId === undefined || finishedAt === undefined) return;
    const wait = Math.max(0, finishedAt + intervalMs - now());
    const timer = setTimeout(
      () => dispatch({ type: 'workspace', action: { type: 'probeDue', stepId } }),
      wait,
    );
    return () => clearTimeout(timer);
  }, [stepId, finishedAt, runs, intervalMs, now, dispatch]);
}
