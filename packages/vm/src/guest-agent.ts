import { connectQga, type QgaClient } from '@winguest/qmp';
import * as z from 'zod';
import type { InstancePaths } from './instance-paths';

/** How long the runner waits for an agent before it falls back: an absent agent is common. */
const agentTimeoutMs = 3000;

/** What the guest agent reports about a running guest (`winguest ls --json`'s `guest`). */
export const guestFactsSchema = z.object({
  /** The OS as the agent names it, e.g. `Microsoft Windows Server 2025` or `Debian GNU/Linux`. */
  os: z
    .object({ name: z.string(), version: z.string().optional(), kernel: z.string().optional() })
    .optional(),
  /** The guest's addresses (loopback and link-local left out), IPv4 first. */
  ipAddresses: z.array(z.string()),
});

/** What the guest agent reports about a running guest. */
export type GuestFacts = z.output<typeof guestFactsSchema>;

/** Runs `use` against the instance's guest agent; undefined when the channel is off or no agent answers. */
export async function withGuestAgent<T>(
  paths: Pick<InstancePaths, 'qgaSocket'>,
  config: { guestAgent?: boolean },
  use: (qga: QgaClient) => Promise<T>,
): Promise<T | undefined> {
  if (!config.guestAgent) return undefined;
  let qga: QgaClient | undefined;
  try {
    qga = await connectQga(
      { path: paths.qgaSocket },
      { timeoutMs: agentTimeoutMs, commandTimeoutMs: agentTimeoutMs },
    );
    return await use(qga);
  } catch {
    return undefined;
  } finally {
    await qga?.close().catch(() => {});
  }
}

/** The OS and addresses of a running guest, from its agent; undefined without one. */
export function readGuestFacts(
  paths: Pick<InstancePaths, 'qgaSocket'>,
  config: { guestAgent?: boolean },
): Promise<GuestFacts | undefined> {
  return withGuestAgent(paths, config, async (qga) => {
    const os = await qga.osInfo().catch(() => undefined);
    const interfaces = await qga.networkInterfaces().catch(() => []);
    const addresses = interfaces
      .flatMap((i) => i['ip-addresses'] ?? [])
      .filter((a) => !/^(127\.|::1$|fe80:|169\.254\.)/i.test(a['ip-address']))
      .sort((a, b) => a['ip-address-type'].localeCompare(b['ip-address-type']))
      .map((a) => a['ip-address']);
    const name = os?.['pretty-name'] ?? os?.name;
    return {
      ...(name
        ? {
            os: {
              name,
              ...(os?.version ? { version: os.version } : {}),
              ...(os?.['kernel-release'] ? { kernel: os['kernel-release'] } : {}),
            },
          }
        : {}),
      ipAddresses: addresses,
    };
  });
}

/** Asks the agent to power the guest off (`guest-shutdown`); false when no agent took the request. */
export async function agentShutdown(
  paths: Pick<InstancePaths, 'qgaSocket'>,
  config: { guestAgent?: boolean },
): Promise<boolean> {
  const sent = await withGuestAgent(paths, config, async (qga) => {
    await qga.shutdown('powerdown');
    return true;
  });
  return sent === true;
}

/**
 * Sets the guest clock from the host's (`guest-set-time`) after a start, when the guest may have
 * been stopped or suspended for a while; false when no agent answered.
 */
export async function syncGuestClock(
  paths: Pick<InstancePaths, 'qgaSocket'>,
  config: { guestAgent?: boolean },
): Promise<boolean> {
  const done = await withGuestAgent(paths, config, async (qga) => {
    await qga.setTime(new Date());
    return true;
  });
  return done === true;
}
