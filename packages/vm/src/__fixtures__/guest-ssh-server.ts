import type { AddressInfo } from 'node:net';
import type { Server } from 'ssh2';
import { ssh2 } from '../_ssh2';

/**
 * A real SSH server (ssh2's) on 127.0.0.1, like a guest that said ready: it lets in only
 * `acceptedKey` (an OpenSSH public key line) and answers every command with exit status 0.
 */
export async function startGuestSshServer(acceptedKey: string): Promise<{ server: Server; port: number }> {
  const { utils, Server: SshServer } = ssh2();
  const allowed = utils.parseKey(acceptedKey);
  const server = new SshServer({ hostKeys: [utils.generateKeyPairSync('ed25519').private] }, (client) => {
    client.on('authentication', (ctx) => {
      const key = ctx.method === 'publickey' ? ctx.key : undefined;
      const ok =
        key !== undefined &&
        !Array.isArray(allowed) &&
        !(allowed instanceof Error) &&
        key.algo === allowed.type &&
        key.data.equals(allowed.getPublicSSH());
      if (ok) ctx.accept();
      else ctx.reject(['publickey']);
    });
    client.on('ready', () => {
      client.on('session', (accept) => {
        accept().on('exec', (acceptExec) => {
          const channel = acceptExec();
          channel.exit(0);
          channel.end();
        });
      });
    });
    client.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}
