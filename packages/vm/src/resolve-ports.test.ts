import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { isPortFree } from './ports';
import { resolvePorts } from './resolve-ports';

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

async function occupiedPort(): Promise<number> {
  const server = createServer();
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

describe('resolvePorts', () => {
  test('chooses a free SSH port when none is configured, and no RDP forward', async () => {
    const { ports, check } = await resolvePorts({ ports: {} }, undefined);
    expect(ports.auto).toEqual(['ssh']);
    expect(ports.rdp).toBeUndefined();
    expect(await isPortFree(ports.ssh)).toBe(true);
    expect(check).toEqual([{ path: 'ports.ssh', port: ports.ssh }]);
  });

  test('configured ports are kept, even when taken (preflight reports that)', async () => {
    const taken = await occupiedPort();
    const { ports } = await resolvePorts({ ports: { ssh: taken, rdp: 13389 } }, undefined);
    expect(ports).toEqual({ ssh: taken, rdp: 13389, auto: [] });
    expect(await isPortFree(taken)).toBe(false);
  });

  test('a stored port the runner chose is re-chosen when something else took it', async () => {
    const taken = await occupiedPort();
    const { ports } = await resolvePorts({ ports: {} }, { ports: { ssh: taken, auto: ['ssh'] } });
    expect(ports.ssh).not.toBe(taken);
    expect(ports.auto).toEqual(['ssh']);
  });

  test('a stored port the user chose stays', async () => {
    const taken = await occupiedPort();
    const { ports } = await resolvePorts({ ports: {} }, { ports: { ssh: taken, auto: [] } });
    expect(ports.ssh).toBe(taken);
  });
});
