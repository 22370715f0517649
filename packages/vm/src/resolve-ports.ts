import { freePort, isPortFree } from './ports';
import type { InstanceConfig, UpOptions } from './up-options';

/** The ports a boot will use, and those preflight must find free. */
export interface ResolvedPorts {
  ports: InstanceConfig['ports'];
  check: { path: string; port: number }[];
}

/**
 * Host ports for this boot: ports given now win; then the stored ones (a stored port the runner
 * chose itself is re-chosen when something else took it); an SSH port is always chosen when none
 * is known. RDP is forwarded only when asked for.
 */
export async function resolvePorts(
  options: Pick<UpOptions, 'ports'>,
  stored: Pick<InstanceConfig, 'ports'> | undefined,
): Promise<ResolvedPorts> {
  const auto = new Set(stored?.ports.auto ?? []);
  const pick = async (key: 'ssh' | 'rdp'): Promise<number | undefined> => {
    const requested = options.ports[key];
    if (requested !== undefined) {
      auto.delete(key);
      return requested;
    }
    const previous = stored?.ports[key];
    if (previous !== undefined && (!auto.has(key) || (await isPortFree(previous)))) return previous;
    if (previous === undefined && key === 'rdp') return undefined;
    auto.add(key);
    return freePort();
  };
  const ssh = (await pick('ssh')) as number;
  const rdp = await pick('rdp');
  const check = [{ path: 'ports.ssh', port: ssh }];
  if (rdp !== undefined) check.push({ path: 'ports.rdp', port: rdp });
  const ports: InstanceConfig['ports'] = { ssh, auto: [...auto].sort() };
  if (rdp !== undefined) ports.rdp = rdp;
  return { ports, check };
}
