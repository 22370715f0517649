import { readFileSync } from 'node:fs';
import { writeFileAtomic } from './_files';
import { ssh2 } from './_ssh2';

/**
 * Creates the host-side key pair (ed25519, OpenSSH format) the guest will trust, mode 0600.
 * Returns the public key line to put into the guest's authorized keys.
 */
export function createSshKeyPair(privatePath: string, publicPath: string, comment: string): string {
  const pair = ssh2().utils.generateKeyPairSync('ed25519', { comment });
  writeFileAtomic(privatePath, pair.private);
  writeFileAtomic(publicPath, `${pair.public}\n`, 0o644);
  return pair.public;
}

/** The public key line (`ssh-ed25519 AAAA… comment`) of an instance. */
export function readPublicKey(publicPath: string): string {
  return readFileSync(publicPath, 'utf8').trim();
}

/** The `known_hosts` line for a guest host key (SSH wire format) under `alias`. */
export function knownHostsLine(alias: string, hostKey: Buffer): string {
  const typeLength = hostKey.readUInt32BE(0);
  const type = hostKey.subarray(4, 4 + typeLength).toString('latin1');
  return `${alias} ${type} ${hostKey.toString('base64')}`;
}

/** The host key recorded for `alias`, in SSH wire format; undefined when none is recorded. */
export function recordedHostKey(knownHostsPath: string, alias: string): Buffer | undefined {
  let text: string;
  try {
    text = readFileSync(knownHostsPath, 'utf8');
  } catch {
    return undefined;
  }
  for (const line of text.split('\n')) {
    const [host, , key] = line.trim().split(/\s+/);
    if (host === alias && key) return Buffer.from(key, 'base64');
  }
  return undefined;
}
