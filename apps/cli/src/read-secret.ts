import { readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { CliError } from './errors';

/** Reads all of stdin as text, without a trailing newline. */
export async function readStdin(stdin: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** Reads a secret from a file (first line), with an error that names the file and the fix. */
export async function readSecretFile(path: string): Promise<string> {
  try {
    return (await readFile(path, 'utf8')).replace(/\r?\n[\s\S]*$/, '');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'cannot be read';
    throw new CliError('secret-file', `The password file ${JSON.stringify(path)} ${reason}`, {
      hint: 'pass a readable file with the password on its first line',
      cause: error,
    });
  }
}
