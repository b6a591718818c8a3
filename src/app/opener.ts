// Opening a link in the engineer's browser (or a file in its application) with the platform's
// opener, when there is a display to open it on. Detached, with stdio ignored: nothing it prints
// may land on sitrep's screen.
import { spawn } from 'node:child_process';
import { sanitizeText } from '../core/sanitize.js';
import type { OpenOutcome } from './services.js';

/** The opener command for this platform and environment, or why there is none, in words. */
export function openerFor(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
): { readonly command: string } | { readonly reason: string } {
  if (platform === 'darwin') return { command: 'open' };
  if (platform === 'win32') return { reason: 'opening links is not supported on Windows' };
  const display = (env.DISPLAY ?? '') !== '' || (env.WAYLAND_DISPLAY ?? '') !== '';
  if (!display) return { reason: 'no display (neither DISPLAY nor WAYLAND_DISPLAY is set)' };
  return { command: 'xdg-open' };
}

/**
 * An open function: starts the opener detached and resolves once it has started (or failed to:
 * a missing `xdg-open` is reported in words); it does not wait for the opener to finish.
 */
export function platformOpener(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
): (target: string) => Promise<OpenOutcome> {
  return (target) => {
    const opener = openerFor(platform, env);
    if ('reason' in opener) return Promise.resolve({ opened: false, reason: opener.reason });
    // A link comes from a runbook or a server: one that the opener would read as an option, or
    // that holds control characters, is not handed to it.
    if (target.startsWith('-') || sanitizeText(target) !== target)
      return Promise.resolve({ opened: false, reason: 'the link is not one sitrep will hand to an opener' });
    // A scheme the desktop hands to some other program (ssh:, smb:, a custom handler) is not opened.
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(target)?.[1]?.toLowerCase();
    if (scheme !== undefined && !['http', 'https', 'file'].includes(scheme))
      return Promise.resolve({
        opened: false,
        reason: `sitrep opens only http(s) links and files, not ${scheme}:`,
      });
    return new Promise((resolve) => {
      const child = spawn(opener.command, [target], { detached: true, stdio: 'ignore', env: { ...env } });
      child.once('spawn', () => {
        child.unref();
        resolve({ opened: true });
      });
      child.once('error', (error) =>
        resolve({ opened: false, reason: `${opener.command} could not start (${error.message})` }),
      );
    });
  };
}
