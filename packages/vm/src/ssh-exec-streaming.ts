import type { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { spawnDetached } from './_spawn-detached';
import { execChannel } from './exec-channel';
import { type InstanceRef, openInstance } from './instance';
import { connectAgent, forwardStdin, overAgent, type SshStreams } from './ssh-agent-client';
import type { AgentExit } from './ssh-agent-protocol';
import { withSshClient } from './ssh-client';
import { overSsh } from './ssh-connection';
import { defaultHome } from './state-dir';

/** How to start a connection agent process; the instance's name and home are appended to `args`. */
export interface SshAgentLauncher {
  command: string;
  args: readonly string[];
}

/** Options of {@link sshExecStreaming}. */
export interface SshExecStreamingOptions {
  /** Reuse the instance's connection agent, starting it with this when none runs. Without it, or
   * when the agent cannot start, the command gets its own connection. */
  agent?: SshAgentLauncher;
  /** Give up connecting after this long. Default 60 s. */
  timeoutMs?: number;
}

/**
 * Runs `command` in a running instance, streaming stdin, stdout and stderr byte for byte; resolves
 * with how it ended. With `agent`, over the instance's shared connection (see `serveSshAgent`).
 * @throws VmError `instance-not-found`, `not-running`, `ssh-failed`.
 */
export async function sshExecStreaming(
  ref: InstanceRef,
  command: string,
  streams: SshStreams,
  options: SshExecStreamingOptions = {},
): Promise<AgentExit> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  if (options.agent) {
    const { paths, config } = openInstance(ref);
    const socket =
      (await connectAgent(paths.sshAgentSocket)) ??
      (await overSsh(ref, () =>
        startAgent(options.agent as SshAgentLauncher, paths, config.name, ref, timeoutMs),
      ));
    if (socket) return overAgent(socket, command, streams);
  }
  return overSsh(ref, (target) =>
    withSshClient<AgentExit>(target, timeoutMs, (client, done) => {
      const sinks = {
        stdout: (c: Buffer) => streams.stdout.write(c),
        stderr: (c: Buffer) => streams.stderr.write(c),
      };
      execChannel(client, command, sinks).then((running) => {
        const detach = forwardStdin(streams.stdin, running.write, running.end);
        running.exited.then((exit) => done(undefined, exit), done).finally(detach);
      }, done);
    }),
  );
}

/** Starts the agent and waits for its socket; undefined when the agent ended without listening. */
async function startAgent(
  launcher: SshAgentLauncher,
  paths: ReturnType<typeof openInstance>['paths'],
  name: string,
  ref: InstanceRef,
  timeoutMs: number,
): Promise<Socket | undefined> {
  const home = ref.home ?? defaultHome();
  const { child } = await spawnDetached(launcher.command, [...launcher.args, name, home], paths.sshAgentLog);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const socket = await connectAgent(paths.sshAgentSocket);
    if (socket) return socket;
    if (child.nodeChildProcess.exitCode !== null) return undefined;
    await sleep(20);
  }
  return undefined;
}
