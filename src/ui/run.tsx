import { render } from 'ink';
import type { AppEnvironment } from '../app/real-services.js';
import type { Config } from '../core/config/config.js';
import { App } from './app.js';
import { realServices } from '../app/real-services.js';
import { enterAlternateScreen } from './terminal.js';
import { startScreenTrace } from './trace.js';

/** What to open on: the inbox, or straight into an incident (`sitrep resume`). */
export interface RunAppOptions {
  readonly resumeId?: string;
  /** Open the incident for this alertname as soon as it is seen firing. */
  readonly alertname?: string;
}

/** Renders the interactive screen full-screen and resolves with the exit code when the user quits. */
export async function runApp(
  config: Config,
  context: AppEnvironment,
  options: RunAppOptions = {},
): Promise<number> {
  const services = realServices(config, context);
  const trace = startScreenTrace(context.env, process.stdin);
  const stopTracingFeed = trace
    ? services.feed.subscribe(() => trace.feedUpdate(services.feed.getSnapshot().alerts.length))
    : undefined;
  let unmount: (() => void) | undefined;
  const restoreScreen = enterAlternateScreen({ beforeSignalExit: () => unmount?.() });
  try {
    const instance = render(
      <App services={services} resumeId={options.resumeId} openAlertname={options.alertname} />,
      { exitOnCtrlC: true, ...(trace ? { onRender: trace.frame } : {}) },
    );
    unmount = () => instance.unmount();
    await instance.waitUntilExit();
    return 0;
  } finally {
    stopTracingFeed?.();
    trace?.close();
    restoreScreen();
  }
}
