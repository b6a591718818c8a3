// The TUI shows one step at a time. Moving to another step must stop the previous step's queries
// and make sure their late answers never land on the new step: one AbortController per run, and
// starting a run (or leaving the screen) aborts the one before.
import type { ProbeStep } from '../core/probe/probe.js';
import type { ProbeResult } from '../core/probe/result.js';
import { runProbeStep, type ProbeRunOptions, type ProbeStepRun } from './probe-runner.js';

/** Runs one step's probes at a time; each new run cancels the previous one. */
export interface ProbeSession {
  /**
   * Cancels any run in flight, then runs this step's probes. Resolves with the results, or undefined
   * if this run was itself cancelled (by cancel() or a later run()); `onResult` is never called for a
   * cancelled run.
   */
  run(step: ProbeStep, onResult?: (result: ProbeResult) => void): Promise<ProbeStepRun | undefined>;
  /** Cancels the run in flight, if any (e.g. when the screen closes). */
  cancel(): void;
}

/** A ProbeSession over these options (client, concurrency, timeout). */
export function createProbeSession(options: ProbeRunOptions): ProbeSession {
  let current: AbortController | undefined;
  return {
    run(step, onResult) {
      current?.abort(new Error('superseded by another step'));
      const controller = new AbortController();
      current = controller;
      return runProbeStep(step, options, {
        signal: controller.signal,
        ...(onResult ? { onResult } : {}),
      }).finally(() => {
        if (current === controller) current = undefined;
      });
    },
    cancel() {
      current?.abort(new Error('cancelled'));
      current = undefined;
    },
  };
}
