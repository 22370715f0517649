/**
 * An AbortSignal that fires on Ctrl-C (SIGINT) or SIGTERM, for `up`/`start`: the runner then
 * stops QEMU and swtpm and leaves the instance resumable. `dispose()` removes the handlers.
 */
export function abortOnSignals(signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM']): {
  signal: AbortSignal;
  dispose: () => void;
} {
  const controller = new AbortController();
  const handler = (name: NodeJS.Signals) => controller.abort(new Error(`received ${name}`));
  for (const name of signals) process.on(name, handler);
  return {
    signal: controller.signal,
    dispose: () => {
      for (const name of signals) process.off(name, handler);
    },
  };
}
