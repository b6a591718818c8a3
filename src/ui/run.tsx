import { render } from 'ink';
import type { CommandContext } from '../cli/command.js';
import type { Config } from '../core/config/config.js';
import { createAlertFeed, feedSources } from '../sources/alert-feed.js';
import { App } from './app.js';
import type { UiServices } from './services.js';
import { enterAlternateScreen } from './terminal.js';

/** How often the inbox refreshes on its own (`r` refreshes now). */
const refreshIntervalMs = 10_000;

/** Builds the real services from the resolved config. */
export function realServices(config: Config): UiServices {
  return {
    feed: createAlertFeed({ sources: feedSources(config), intervalMs: refreshIntervalMs }),
    now: () => Date.now(),
  };
}

/** Renders the interactive screen full-screen and resolves with the exit code when the user quits. */
export async function runApp(config: Config, _context: CommandContext): Promise<number> {
  const services = realServices(config);
  const restoreScreen = enterAlternateScreen();
  try {
    const instance = render(<App services={services} />, { exitOnCtrlC: true });
    await instance.waitUntilExit();
    return 0;
  } finally {
    restoreScreen();
  }
}
