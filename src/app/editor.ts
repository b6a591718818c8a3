// Editing a file in the engineer's own editor from inside the screen: the screen steps aside (its
// alternate screen left, raw mode off), the editor owns the terminal until it exits, then the
// screen comes back and is drawn again.
import { spawnSync } from 'node:child_process';
import type { EditOutcome } from './services.js';

/** How the screen steps aside for the editor and comes back. */
export interface ScreenSuspension {
  suspend(): void;
  resume(): void;
}

/** The editor command: $VISUAL, else $EDITOR, else vi (as git and crontab choose). */
export function editorCommand(env: Readonly<Record<string, string | undefined>>): string {
  const chosen = [env.VISUAL, env.EDITOR].find((e) => e !== undefined && e.trim() !== '');
  return chosen?.trim() ?? 'vi';
}

/**
 * An edit function. The editor runs through `sh -c` so a command with arguments (`code --wait`)
 * works, the file passed as one argument (never spliced into the command). It runs synchronously:
 * while it does, nothing of sitrep reads the terminal, so every key goes to the editor.
 */
export function terminalEditor(
  env: Readonly<Record<string, string | undefined>>,
  screen: ScreenSuspension,
): (file: string) => Promise<EditOutcome> {
  return (file) => {
    const command = editorCommand(env);
    screen.suspend();
    let result: ReturnType<typeof spawnSync>;
    try {
      result = spawnSync('/bin/sh', ['-c', `${command} "$1"`, 'sitrep-editor', file], {
        stdio: 'inherit',
        env: { ...env },
      });
    } finally {
      screen.resume();
    }
    if (result.error)
      return Promise.resolve({ ok: false, problem: `${command} could not start (${result.error.message})` });
    // The shell answers 127 when it cannot find the command.
    if (result.status === 127) return Promise.resolve({ ok: false, problem: `${command} was not found` });
    if (result.status !== 0) {
      const how = result.signal
        ? `was ended by ${result.signal}`
        : `exited with status ${String(result.status)}`;
      return Promise.resolve({ ok: false, problem: `${command} ${how}` });
    }
    return Promise.resolve({ ok: true });
  };
}
