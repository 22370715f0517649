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

/**
 * Reads a password from a file: its first line, without a UTF-8 byte-order mark or the line ending
 * (editors add both; neither belongs to the password). An empty or whitespace-only password is
 * refused, never used as a blank administrator password. Errors name the file, never its content.
 */
export async function readSecretFile(path: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a directory' : 'cannot be read';
    throw new CliError('secret-file', `The password file ${JSON.stringify(path)} ${reason}`, {
      hint: 'pass a readable file with the password on its first line',
      cause: error,
    });
  }
  const password = text.replace(/^\uFEFF/, '').replace(/\r?\n[\s\S]*$/, '');
  assertUsablePassword(password, `The password file ${JSON.stringify(path)}`);
  return password;
}

/** Refuses an empty or whitespace-only password, naming where it came from (not its content). */
export function assertUsablePassword(password: string, source: string): void {
  if (password.trim() !== '') return;
  throw new CliError(
    'empty-password',
    `${source} holds ${password === '' ? 'an empty password' : 'a password made only of spaces'}`,
    { hint: 'put the password on its first line, or leave the password unset to have one generated' },
  );
}
