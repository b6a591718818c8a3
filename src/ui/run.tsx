import { render } from 'ink';
import type { CommandContext } from '../cli/command.js';
import { App } from './app.js';
import { enterAlternateScreen } from './terminal.js';

/** Renders the interactive screen full-screen and resolves with the exit code when the user quits. */
export async function runApp(_args: readonly string[], _context: CommandContext): Promise<number> {
  const restoreScreen = enterAlternateScreen();
  try {
    const instance = render(<App />, { exitOnCtrlC: true });
    await instance.waitUntilExit();
    return 0;
  } finally {
    restoreScreen();
  }
}
