// Drives the real binary in a real terminal: a detached tmux session of a fixed size. Ink draws
// nothing until exit when CI is set, so the program runs with CI removed from its environment.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { pollFor } from './poll.js';

export interface TmuxSession {
  readonly name: string;
  /** The visible screen as text. */
  capture(): string;
  /** The visible screen with its colour escape sequences. */
  captureWithEscapes(): string;
  /** Sends tmux key names (`Down`, `Enter`, `Escape`, `C-c`) or literal text with `literal`. */
  send(keys: string[], options?: { literal?: boolean }): void;
  waitFor(predicate: (screen: string) => boolean, options?: { timeout?: number }): Promise<string>;
  waitForText(text: string, options?: { timeout?: number }): Promise<string>;
  /** Resizes the terminal, as dragging the window would. */
  resize(width: number, height: number): void;
  /** The pid of the program running in the pane. */
  panePid(): number;
  /** True once the pane's program has exited. */
  exited(): boolean;
  kill(): void;
}

const tmux = (...args: string[]) => execFileSync('tmux', args, { encoding: 'utf8' });

/** Starts `command` (argv) in a new tmux session with this environment. */
export function startTmux(
  command: string[],
  options: { env: Record<string, string>; cwd: string; width?: number; height?: number },
): TmuxSession {
  const name = `sitrep-test-${randomUUID().slice(0, 8)}`;
  const envArgs = Object.entries(options.env).map(([k, v]) => `${k}=${v}`);
  // `env -u CI` so Ink renders; remain-on-exit keeps the pane so we can read what it printed last.
  const shellCommand = ['env', '-u', 'CI', ...envArgs, ...command].map(shellQuote).join(' ');
  tmux(
    'new-session',
    '-d',
    '-s',
    name,
    '-x',
    String(options.width ?? 100),
    '-y',
    String(options.height ?? 30),
    '-c',
    options.cwd,
    shellCommand,
  );
  tmux('set-option', '-t', name, 'remain-on-exit', 'on');
  const capture = () => tmux('capture-pane', '-p', '-t', name);
  const waitFor = (predicate: (screen: string) => boolean, opts: { timeout?: number } = {}) =>
    pollFor(capture, predicate, {
      timeoutMs: opts.timeout ?? 30_000,
      intervalMs: 50,
      describe: (last) => `timed out waiting for the screen; last screen:\n${last}`,
    });
  return {
    name,
    capture,
    captureWithEscapes: () => tmux('capture-pane', '-e', '-p', '-t', name),
    send: (keys, opts = {}) => {
      tmux('send-keys', '-t', name, ...(opts.literal ? ['-l'] : []), ...keys);
    },
    waitFor,
    waitForText: (text, opts) => waitFor((screen) => screen.includes(text), opts),
    resize: (width, height) => {
      tmux('resize-window', '-t', name, '-x', String(width), '-y', String(height));
    },
    panePid: () => Number(tmux('display-message', '-p', '-t', name, '#{pane_pid}').trim()),
    exited: () => tmux('display-message', '-p', '-t', name, '#{pane_dead}').trim() === '1',
    kill: () => {
      try {
        tmux('kill-session', '-t', name);
      } catch {
        // Already gone.
      }
    },
  };
}

function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/**
 * The environment sitrep runs with in a tmux test: its sources, and its config, data and cache
 * folders under `home` (so a test never reads or writes the user's own), in UTC.
 */
export function sitrepTestEnv(
  home: string,
  sources: { readonly alertmanager: string; readonly prometheus: string },
): Record<string, string> {
  return {
    SITREP_ALERTMANAGER_URL: sources.alertmanager,
    SITREP_PROMETHEUS_URL: sources.prometheus,
    XDG_CONFIG_HOME: path.join(home, 'config'),
    XDG_DATA_HOME: path.join(home, 'data'),
    XDG_CACHE_HOME: path.join(home, 'cache'),
    TZ: 'UTC',
  };
}
