// The in-thread feed's polling: one request to one source at a time, and the one timer that starts
// each source's next request when it falls due (see createAlertFeed in alert-feed.ts).
import type { FeedClock } from './alert-feed.js';
import type { SourceAlerts } from './alert-sources.js';
import { earliestDue, type SourceState } from './feed-state.js';

/**
 * Asks one source unless it has a request in flight (then returns that one). `settled` gets the
 * outcome, unless the request was aborted meanwhile (stop()): such a late answer is dropped. The
 * poll ends when what `settled` returns does; `signal` tells it of a stop() meanwhile.
 */
export function pollSource(
  state: SourceState,
  settled: (result: PromiseSettledResult<SourceAlerts>, signal: AbortSignal) => void | Promise<void>,
): Promise<void> {
  if (state.inFlight) return state.inFlight;
  const controller = new AbortController();
  state.controller = controller;
  const done = state.source
    .fetch(controller.signal)
    .then(
      (value): PromiseSettledResult<SourceAlerts> => ({ status: 'fulfilled', value }),
      (reason: unknown): PromiseSettledResult<SourceAlerts> => ({ status: 'rejected', reason }),
    )
    .then((result) => {
      if (state.controller === controller) {
        state.inFlight = undefined;
        state.controller = undefined;
      }
      if (!controller.signal.aborted) return settled(result, controller.signal);
      return undefined;
    });
  state.inFlight = done;
  return done;
}

/** The one timer: when it fires, every idle source that is due is polled. */
export interface PollTimer {
  /** (Re)arms the timer for the soonest due source; does nothing while stopped. */
  readonly schedule: () => void;
  readonly cancel: () => void;
}

/** A timer over `states` that calls `poll` for each due source while `running()` says so. */
export function pollTimer(
  states: readonly SourceState[],
  clock: FeedClock,
  running: () => boolean,
  poll: (state: SourceState) => void,
): PollTimer {
  let timer: unknown;
  const cancel = () => {
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = undefined;
  };
  const schedule = () => {
    cancel();
    const next = earliestDue(states);
    if (!running() || next === undefined) return;
    timer = clock.setTimeout(
      () => {
        timer = undefined;
        const now = clock.now();
        for (const state of states) if (!state.inFlight && state.dueAt <= now) poll(state);
        schedule();
      },
      Math.max(0, next - clock.now()),
    );
  };
  return { schedule, cancel };
}
