import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import type { Client } from 'ssh2';
import {
  type AgentFrame,
  agentProtocolVersion,
  encodeFrame,
  framePayloadJson,
  readFrames,
} from './agent-frames';
import { execChannel, type RunningCommand } from './exec-channel';
import { type InstanceRef, openInstance } from './instance';
import { readPid } from './processes';
import { type AgentStatus, agentRequestSchema } from './ssh-agent-protocol';
import { probeAgent } from './ssh-agent-socket';
import { connectSsh } from './ssh-client';
import { overSsh } from './ssh-connection';

/** Options of {@link serveSshAgent}. */
export interface SshAgentOptions {
  /** Exit after this long without a command running. Default 10 minutes. */
  idleMs?: number;
  /** Lifecycle lines (never commands, output or keys). Default: none. */
  log?: (line: string) => void;
}

/**
 * Runs an instance's connection agent in this process: one SSH connection to the guest, and a
 * socket in the instance directory on which `winguest ssh` opens channels over it (protocol:
 * `ssh-agent-protocol`). Resolves when the agent has ended: idle for `idleMs`, asked to shut down
 * (`stop`, `rm`), the guest closed the connection, or another agent already serves the instance.
 * @throws VmError `not-running`, `ssh-failed` (the first connection failed).
 */
export async function serveSshAgent(ref: InstanceRef, options: SshAgentOptions = {}): Promise<void> {
  const { paths } = openInstance(ref);
  const log = options.log ?? (() => {});
  if (await probeAgent(paths.sshAgentSocket)) return log('another agent serves this instance');
  const client = await overSsh(ref, (target) => connectSsh(target, 60_000, { keepaliveMs: 5_000 }));
  const status: AgentStatus = {
    pid: process.pid,
    connections: 1,
    channels: 0,
    active: 0,
    startedAt: new Date().toISOString(),
  };
  const { promise: ended, resolve: end } = Promise.withResolvers<string>();
  const idleMs = options.idleMs ?? 600_000;
  let idle: NodeJS.Timeout | undefined;
  const touch = () => {
    clearTimeout(idle);
    if (status.active === 0) idle = setTimeout(() => end(`idle for ${idleMs} ms`), idleMs);
  };
  client.on('close', () => end('the guest closed the connection'));
  client.on('error', (error) => end(`connection error: ${error.message}`));
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket.once('close', () => sockets.delete(socket)));
    serve(socket, client, status, touch, end);
  });
  try {
    await listen(server, paths.sshAgentSocket);
  } catch (error) {
    client.end();
    if (await probeAgent(paths.sshAgentSocket)) return log('another agent serves this instance');
    throw error;
  }
  if (process.platform !== 'win32') chmodSync(paths.sshAgentSocket, 0o600);
  writeFileSync(paths.sshAgentPid, `${process.pid}\n`, { mode: 0o600 });
  // Removed at the very end, so `stop` and `rm` can wait for a process that is still going.
  process.once('exit', () => {
    if (readPid(paths.sshAgentPid) === process.pid) rmSync(paths.sshAgentPid, { force: true });
  });
  log(`serving on ${paths.sshAgentSocket}`);
  touch();
  const signals = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;
  const onSignal = (signal: NodeJS.Signals) => end(signal);
  for (const signal of signals) process.once(signal, onSignal);
  const reason = await ended;
  for (const signal of signals) process.off(signal, onSignal);
  clearTimeout(idle);
  server.close();
  for (const socket of sockets) socket.destroy(); // commands still running end with it
  client.end();
  setTimeout(() => client.destroy(), 1_000).unref(); // the goodbye had its chance
  if (process.platform !== 'win32') rmSync(paths.sshAgentSocket, { force: true });
  log(`exiting: ${reason}`);
}

/** Listens on `path`; a stale socket file (nobody answers, see the caller's probe) is replaced once. */
async function listen(server: Server, path: string): Promise<void> {
  const attempt = () =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(path, () => {
        server.off('error', reject);
        resolve();
      });
    });
  try {
    await attempt();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || (await probeAgent(path))) throw error;
    rmSync(path, { force: true });
    await attempt();
  }
}

/** One client: its request frame, then the command's streams until the channel closes. */
function serve(
  socket: Socket,
  client: Client,
  status: AgentStatus,
  touch: () => void,
  end: (why: string) => void,
) {
  const stdin = stdinQueue();
  let close = () => {};
  const fail = (message: string) => socket.end(encodeFrame('error', { message }));
  socket.on('error', () => close());
  socket.on('close', () => close());
  const onFrame = (frame: AgentFrame) => {
    if (frame.kind === 'stdin' || frame.kind === 'stdinEnd') return stdin.push(frame);
    if (frame.kind !== 'request') return fail(`unexpected ${frame.kind} frame`);
    const request = agentRequestSchema.safeParse(safeJson(frame));
    if (!request.success) return fail(`not a version ${agentProtocolVersion} request of this agent`);
    if (request.data.type !== 'exec') {
      const shutdown = request.data.type === 'shutdown';
      socket.end(encodeFrame('status', status), () => shutdown && end('asked to shut down'));
      return;
    }
    status.channels++;
    status.active++;
    touch();
    const done = (last: Buffer) => {
      status.active--;
      touch();
      socket.end(last);
    };
    const sinks = {
      stdout: (chunk: Buffer) => socket.write(encodeFrame('stdout', chunk)),
      stderr: (chunk: Buffer) => socket.write(encodeFrame('stderr', chunk)),
    };
    execChannel(client, request.data.command, sinks).then(
      (running) => {
        close = running.close;
        stdin.attach(running);
        running.exited.then((exit) => done(encodeFrame('exit', exit)));
      },
      (error: Error) => done(encodeFrame('error', { message: `could not open a channel: ${error.message}` })),
    );
  };
  readFrames(socket, onFrame, () => close());
}

/** Holds stdin frames that arrive before the channel is open, then forwards them. */
function stdinQueue() {
  const pending: AgentFrame[] = [];
  let target: RunningCommand | undefined;
  const forward = (frame: AgentFrame) => {
    if (frame.kind === 'stdin') target?.write(frame.payload);
    else target?.end();
  };
  return {
    push: (frame: AgentFrame) => (target ? forward(frame) : pending.push(frame)),
    attach: (running: RunningCommand) => {
      target = running;
      for (const frame of pending.splice(0)) forward(frame);
    },
  };
}

function safeJson(frame: AgentFrame): unknown {
  try {
    return framePayloadJson(frame);
  } catch {
    return undefined;
  }
}

/** The status of the instance's connection agent, or undefined when none runs. */
export function sshAgentStatus(ref: InstanceRef): Promise<AgentStatus | undefined> {
  return probeAgent(openInstance(ref).paths.sshAgentSocket);
}
