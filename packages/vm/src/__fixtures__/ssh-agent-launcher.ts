import { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { type InstanceRef, type SshAgentLauncher, sshExecStreaming } from '../index';

/**
 * Starts the connection agent from the sources with this Node (type stripping, the workspace's
 * source condition, a hook adding `.ts` to relative imports), exiting after `idleMs` idle.
 */
export function testAgentLauncher(idleMs: number): SshAgentLauncher {
  const at = (file: string) => fileURLToPath(new URL(file, import.meta.url));
  return {
    command: process.execPath,
    args: [
      ...['--experimental-strip-types', '--no-warnings', '--conditions=@winguest/source'],
      ...['--import', at('./resolve-ts.mjs'), at('./ssh-agent-main.ts'), String(idleMs)],
    ],
  };
}

/** Runs `command` through the agent, with `stdin` when given; collects the output as bytes. */
export async function runOverAgent(
  ref: InstanceRef,
  command: string,
  agent: SshAgentLauncher,
  stdin?: Buffer,
) {
  const stdout = new Collect();
  const stderr = new Collect();
  const input = stdin ? Readable.from([stdin]) : undefined;
  const exit = await sshExecStreaming(ref, command, { stdin: input, stdout, stderr }, { agent });
  return { exit, stdout: Buffer.concat(stdout.chunks), stderr: Buffer.concat(stderr.chunks) };
}

class Collect extends Writable {
  chunks: Buffer[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void) {
    this.chunks.push(chunk);
    done();
  }
}
