import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';

const run = promisify(execFile);
/** A UTF-8 locale, so the tools print and read names as UTF-8. */
export const utf8Env = { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };

/** Runs a tool and returns stdout and stderr as text; rejects on a non-zero exit. */
export async function tool(command: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  return run(command, args, { env: utf8Env, maxBuffer: 64 << 20, encoding: 'utf8' });
}

/** SHA-256 of a tool's standard output, streamed (for extracting large files). */
export function hashOfOutput(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: utf8Env, stdio: ['ignore', 'pipe', 'ignore'] });
    const hash = createHash('sha256');
    child.stdout.on('data', (chunk: Buffer) => hash.update(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(hash.digest('hex')) : reject(new Error(`${command} exit ${code}`)),
    );
  });
}

/**
 * `isoinfo -J -f`: every path in the Joliet tree, without the leading `/`, sorted. isoinfo has no
 * UTF-8 output: it prints Latin-1 and `_` for every other character, so compare with `isoinfoView`.
 */
export async function isoinfoJolietPaths(iso: string): Promise<string[]> {
  const { stdout } = await run('isoinfo', ['-J', '-f', '-i', iso], {
    encoding: 'latin1',
    maxBuffer: 64 << 20,
  });
  return lines(stdout)
    .map((p) => p.replace(/^\//, ''))
    .sort();
}

/** A name as isoinfo prints it: characters beyond Latin-1 become `_`. */
export function isoinfoView(name: string): string {
  return [...name].map((ch) => ((ch.codePointAt(0) ?? 0) > 0xff ? '_' : ch)).join('');
}

/** `xorriso -indev … -find`: every path, without the leading `/`, sorted; and its warnings. */
export async function xorrisoPaths(iso: string): Promise<{ paths: string[]; problems: string[] }> {
  const { stdout, stderr } = await tool('xorriso', ['-abort_on', 'FAILURE', '-indev', iso, '-find', '/']);
  const paths = lines(stdout)
    .map((p) => p.replace(/^'\/?|'$/g, ''))
    .filter((p) => p !== '');
  return {
    paths: paths.sort(),
    problems: lines(stderr).filter((l) => /WARNING|SORRY|FAILURE|FATAL/.test(l)),
  };
}

function lines(text: string): string[] {
  return text.split('\n').filter((l) => l.trim() !== '');
}
