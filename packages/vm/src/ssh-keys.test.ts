import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { afterAll, describe, expect, test } from 'vitest';
import { createSshKeyPair, knownHostsLine, readPublicKey, recordedHostKey } from './ssh-keys';

const gate = requireHostTools([{ command: 'ssh-keygen', debian: 'openssh-client' }]);
const dir = mkdtempSync(join(tmpdir(), 'wg-keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!gate.available)('SSH keys', () => {
  test('the generated private key is valid OpenSSH ed25519 with a 0600 file mode and matches the public key', () => {
    const key = join(dir, 'id_ed25519');
    const line = createSshKeyPair(key, `${key}.pub`, 'winguest-vm1');
    expect(statSync(key).mode & 0o777).toBe(0o600);
    const derived = execFileSync('ssh-keygen', ['-y', '-f', key], { encoding: 'utf8' }).trim();
    expect(line.startsWith(derived)).toBe(true);
    expect(readPublicKey(`${key}.pub`)).toBe(line);
    expect(line).toMatch(/^ssh-ed25519 AAAA\S+ winguest-vm1$/);
  });

  test('known_hosts lines are what ssh-keygen -F finds under the alias, and read back', () => {
    const key = join(dir, 'host');
    createSshKeyPair(key, `${key}.pub`, 'host');
    const blob = Buffer.from(readPublicKey(`${key}.pub`).split(' ')[1] as string, 'base64');
    const knownHosts = join(dir, 'known_hosts');
    execFileSync('sh', [
      '-c',
      `printf '%s\\n' "$1" > "$2"`,
      'sh',
      knownHostsLine('winguest-vm1', blob),
      knownHosts,
    ]);
    const found = execFileSync('ssh-keygen', ['-F', 'winguest-vm1', '-f', knownHosts], { encoding: 'utf8' });
    expect(found).toContain(`winguest-vm1 ssh-ed25519 ${blob.toString('base64')}`);
    expect(recordedHostKey(knownHosts, 'winguest-vm1')?.equals(blob)).toBe(true);
    expect(recordedHostKey(knownHosts, 'other')).toBeUndefined();
  });
});
