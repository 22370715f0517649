import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { CliError } from './errors';
import { exists } from './io/write-outputs';

/** Default public keys, in the order they are looked for. */
export const defaultKeyNames = ['id_ed25519.pub', 'id_ecdsa.pub', 'id_rsa.pub'];

export interface FoundKey {
  key: string;
  /** Where it came from: a path, or "argument". */
  source: string;
}

/**
 * The SSH public key to authorise: `--ssh-key` (a path or the key text), else the config's key,
 * else the first of ~/.ssh/id_ed25519.pub, id_ecdsa.pub, id_rsa.pub. Undefined when none exists.
 */
export async function findSshKey(given: string | undefined, home = homedir()): Promise<FoundKey | undefined> {
  if (given !== undefined) {
    assertNotPrivate(given, 'The SSH key given (--ssh-key or ssh.publicKey)');
    if (/^(ssh-|ecdsa-|sk-)/.test(given.trim())) return { key: given.trim(), source: 'argument' };
    if (!(await exists(given))) {
      throw new CliError(
        'ssh-key',
        `The SSH key ${JSON.stringify(given)} is neither a public key nor a file`,
        {
          hint: 'pass a path to a .pub file, or the key text itself (ssh-ed25519 AAAA… comment)',
        },
      );
    }
    const key = (await readFile(given, 'utf8').catch((error) => unreadable(given, error))).trim();
    assertNotPrivate(key, `The SSH key file ${JSON.stringify(given)}`);
    return { key, source: given };
  }
  for (const name of defaultKeyNames) {
    const path = join(home, '.ssh', name);
    if (await exists(path)) return { key: (await readFile(path, 'utf8')).trim(), source: path };
  }
  return undefined;
}

/** PEM, OpenSSH and PuTTY private keys begin with one of these. */
const privateKeyStart = /^\s*(-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----|PuTTY-User-Key-File-)/;

/** Refuses private key material, naming only where it came from (nothing of its content). */
function assertNotPrivate(text: string, where: string): void {
  if (!privateKeyStart.test(text)) return;
  throw new CliError('ssh-private-key', `${where} is a private key; winguest needs the public key`, {
    hint: 'pass the .pub file beside it (e.g. ~/.ssh/id_ed25519.pub), or `ssh-keygen -y -f <key>` prints it',
  });
}

function unreadable(path: string, error: unknown): never {
  const code = (error as NodeJS.ErrnoException).code;
  throw new CliError(
    'ssh-key',
    `The SSH key ${JSON.stringify(path)} ${code === 'EISDIR' ? 'is a directory' : 'cannot be read'}`,
    { hint: 'pass a path to a .pub file, or the key text itself (ssh-ed25519 AAAA… comment)', cause: error },
  );
}
