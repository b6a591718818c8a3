// The screen's alert feed, opened and asking its first question before the screen's code loads
// (src/cli/interactive.ts): Alertmanager works out its answer while React and Ink load.
import type { Config } from '../core/config/config.js';
import type { AlertFeed } from '../sources/alert-feed.js';
import { openAlertFeed } from '../sources/alert-feed-screen.js';

/** How often the inbox refreshes on its own (`r` refreshes now). */
export const refreshIntervalMs = 10_000;

/**
 * The screen's feed, not yet started. Started early, it polls until the screen's useFeed stops it
 * (useFeed's own start() is then a no-op).
 */
export function openScreenFeed(config: Config): AlertFeed {
  return openAlertFeed(config, refreshIntervalMs);
}
