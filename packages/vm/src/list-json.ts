import * as z from 'zod';
import { readConfig } from './create-instance';
import { type GuestFacts, guestFactsSchema, readGuestFacts } from './guest-agent';
import { instancePaths } from './instance-paths';
import { instanceStates } from './instance-state';
import { type InstanceSummary, listInstances } from './list';
import { defaultHome } from './state-dir';

/** One instance as `winguest ls --json` prints it: the published contract readers parse. */
export const instanceListEntrySchema = z.object({
  name: z.string(),
  state: z.enum(instanceStates),
  arch: z.enum(['amd64', 'arm64']),
  /** QEMU runs. */
  running: z.boolean(),
  pid: z.int().optional(),
  ports: z.object({ ssh: z.int(), rdp: z.int().optional() }),
  /** Milliseconds since the running boot started. */
  uptimeMs: z.number().optional(),
  dir: z.string(),
  /** From the guest agent of a running instance, when one answers (absent otherwise). */
  guest: guestFactsSchema.optional(),
});

/** `winguest ls --json`: every instance, sorted by name. */
export const instanceListSchema = z.array(instanceListEntrySchema);

/** One entry of {@link instanceListSchema}. */
export type InstanceListEntry = InstanceSummary & { guest?: GuestFacts };

/**
 * {@link listInstances}, plus what the guest agent of each running instance reports (its OS and
 * addresses). Instances without an agent channel, or whose agent does not answer within a few
 * seconds, are listed without `guest`.
 */
export async function listInstancesWithGuest(options: { home?: string } = {}): Promise<InstanceListEntry[]> {
  const home = options.home ?? defaultHome();
  return Promise.all(
    listInstances({ home }).map(async (summary) => {
      if (!summary.running) return summary;
      const paths = instancePaths(summary.name, home);
      const guest = await readGuestFacts(paths, readConfig(paths) ?? {});
      return guest ? { ...summary, guest } : summary;
    }),
  );
}
