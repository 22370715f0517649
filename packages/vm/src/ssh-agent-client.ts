import { connect, type Socket } from 'node:net';
import type { Readable, Writable } from 'node:stream';
import { type AgentFrame, agentProtocolVersion, encodeFrame, readFrames } from './agent-frames';
import { VmError } from './errors';
import { instanceNamePattern, instancePaths } from './instance-paths';
import type { AgentExit } from './ssh-agent-protocol';
import { defaultHome } from './state-dir';

// The client side of the connection agent, kept free of zod, execa and ssh2: a warm `winguest ssh`
// loads only this (the `@winguest/vm/ssh-agent-client` entry) before its command runs.

/** A command's streams: output is written byte for byte; stdin, when given, is forwarded until it ends. */
export interface SshStreams {
  stdin?: Readable;
  stdout: Writable;
  stderr: Writable;
}

/**
 * Runs `command` on the instance's running connection agent, streaming its bytes; undefined when
 * no agent answers (none started yet, or a stale socket) — then use `sshExecStreaming`.
 * @throws VmError `ssh-failed` when the agent refuses the command or goes away while it runs.
 */
export async function execOverRunningAgent(
  ref: { name: string; home?: string },
  command: string,
  streams: SshStreams,
): Promise<AgentExit | undefined> {
  if (!instanceNamePattern.test(ref.name)) return undefined; // the full path reports the bad name
  const socket = await connectAgent(instancePaths(ref.name, ref.home ?? defaultHome()).sshAgentSocket);
  return socket && overAgent(socket, command, streams);
}

/** Connects to an agent's socket; undefined when nobody listens there (missing or stale socket). */
export function connectAgent(path: string): Promise<Socket | undefined> {
  return new Promise((resolve) => {
    const socket = connect(path);
    socket.once('connect', () => {
      socket.removeAllListeners('error');
      resolve(socket);
    });
    socket.once('error', () => resolve(undefined));
  });
}

/** Sends an exec request on a connected agent socket and streams the command's bytes. */
export function overAgent(socket: Socket, command: string, streams: SshStreams): Promise<AgentExit> {
  return new Promise((resolve, reject) => {
    let exit: AgentExit | undefined;
    const detach = forwardStdin(
      streams.stdin,
      (chunk) => socket.write(encodeFrame('stdin', chunk)),
      () => socket.write(encodeFrame('stdinEnd')),
    );
    const fail = (message: string) => reject(new VmError('ssh-failed', `The connection agent ${message}`));
    const onFrame = (frame: AgentFrame) => {
      if (frame.kind === 'stdout') streams.stdout.write(frame.payload);
      else if (frame.kind === 'stderr') streams.stderr.write(frame.payload);
      else if (frame.kind === 'exit') exit = exitOf(frame);
      else if (frame.kind === 'error')
        fail(`refused the command: ${json(frame).message ?? 'no reason given'}`);
    };
    readFrames(socket, onFrame, (error) => fail(error.message));
    socket.on('error', (error) => fail(`failed: ${error.message}`));
    socket.on('close', () => {
      detach();
      if (exit) resolve(exit);
      else fail('went away while the command ran; run it again (a new agent starts)');
    });
    socket.write(encodeFrame('request', { version: agentProtocolVersion, type: 'exec', command }));
  });
}

/** Forwards `stdin` until it ends; returns a function that stops forwarding. */
export function forwardStdin(stdin: Readable | undefined, write: (chunk: Buffer) => void, end: () => void) {
  if (!stdin) return () => {};
  const onData = (chunk: Buffer | string) => write(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  stdin.on('data', onData);
  stdin.once('end', end);
  return () => {
    stdin.off('data', onData);
    stdin.off('end', end);
    stdin.pause();
  };
}

/** An `exit` frame's payload, held to `agentExitSchema`'s shape without loading zod. */
function exitOf(frame: AgentFrame): AgentExit {
  const { code, signal } = json(frame);
  const valid = (Number.isInteger(code) || code === null) && (typeof signal === 'string' || signal === null);
  if (!valid) throw new VmError('ssh-failed', 'The connection agent sent a malformed exit frame');
  return { code: code as number | null, signal: signal as string | null };
}

function json(frame: AgentFrame): Record<string, unknown> {
  const value: unknown = JSON.parse(frame.payload.toString('utf8'));
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}
