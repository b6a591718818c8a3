// Who notes and silences are from, decided in one place for the CLI and the screen alike.
import os from 'node:os';

/** Reads the operating system's user name; throws where there is none (some containers). */
export type OsUserName = () => string;

const osUserName: OsUserName = () => os.userInfo().username;

/**
 * The author recorded on notes and silences: `$SITREP_AUTHOR`, else `$USER`, else `$LOGNAME`, else
 * the operating system's user name; undefined when none of them says (empty values do not count).
 */
export function authorName(
  env: Readonly<Record<string, string | undefined>>,
  osUser: OsUserName = osUserName,
): string | undefined {
  for (const name of ['SITREP_AUTHOR', 'USER', 'LOGNAME']) {
    const value = env[name]?.trim();
    if (value) return value;
  }
  try {
    return osUser().trim() || undefined;
  } catch {
    return undefined;
  }
}
