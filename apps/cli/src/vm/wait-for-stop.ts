import type { CommandContext } from '../command';

/**
 * Keeps `up`/`start` attached to a running guest until Ctrl-C or SIGTERM, then shuts the guest down
 * (ACPI powerdown, forced after the timeout). Returns the exit code.
 */
export async function waitForStopRequest(context: CommandContext, name: string): Promise<number> {
  context.out.info('attached: Ctrl-C shuts the guest down (use --detach to leave it running)');
  await new Promise<void>((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
  const { stop } = await import('@winguest/vm');
  context.out.info(`stopping ${name}…`);
  const result = await stop({ name });
  context.out.info(
    `${name} stopped in ${(result.durationMs / 1000).toFixed(1)}s${result.forced ? ' (forced)' : ''}`,
  );
  return 0;
}
