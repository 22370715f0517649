import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'ssh2';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startGuestSshServer } from './__fixtures__/guest-ssh-server';
import { ssh2 } from './_ssh2';
import { loginFailure, saidReady } from './login-failure';
import type { SshTarget } from './ssh-client';

describe('why a guest that said ready refuses the login', () => {
  const { utils } = ssh2();
  const authorized = utils.generateKeyPairSync('ed25519', { comment: 'winguest-c1' });
  const other = utils.generateKeyPairSync('ed25519', { comment: 'winguest-c2' });
  let server: Server;
  let dir: string;
  let target: (privateKey: string) => SshTarget;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wg-login-'));
    let port: number;
    ({ server, port } = await startGuestSshServer(authorized.public));
    target = (privateKey) => ({
      host: '127.0.0.1',
      port,
      user: 'root',
      privateKey,
      knownHosts: join(dir, 'known_hosts'),
      hostAlias: 'winguest-c1',
    });
  });
  afterAll(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a refused key: the error names the user, port, our key and what the server said', async () => {
    const why = await loginFailure(target(other.private), other.public, 'exit 0');
    const port = target('').port;
    const [, key] = other.public.split(' ');
    expect(why).toBe(
      `The guest said ready, but the SSH login as root on port ${port} with key ssh-ed25519 ...${key?.slice(-12)} failed: All configured authentication methods failed`,
    );
  });

  test('a login that works is no failure', async () => {
    expect(await loginFailure(target(authorized.private), authorized.public, 'exit 0')).toBeUndefined();
  });

  test('the ready line is recognized in a serial tail, as lines or as text', () => {
    expect(saidReady(['WINGUEST openssh ok 0.3', 'WINGUEST ready'])).toBe(true);
    expect(saidReady('WINGUEST openssh ok 0.3\r\nWINGUEST ready\r\n')).toBe(true);
    expect(saidReady(['WINGUEST openssh start'])).toBe(false);
    expect(saidReady(undefined)).toBe(false);
  });
});
