import { connect, type Socket } from 'node:net';
import { type AgentFrame, encodeFrame, framePayloadJson, readFrames } from './agent-frames';
import {
  type AgentRequest,
  type AgentStatus,
  agentErrorSchema,
  agentProtocolVersion,
  agentStatusSchema,
} from './ssh-agent-protocol';

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

/**
 * Sends `request` on a new connection to the agent and calls `onFrame` for every frame of the
 * answer; resolves when the agent closes the connection. Rejects when nobody listens.
 */
export async function requestAgent(
  path: string,
  request: AgentRequest,
  onFrame: (frame: AgentFrame, socket: Socket) => void,
): Promise<void> {
  const socket = await connectAgent(path);
  if (!socket) throw new Error(`no connection agent listens on ${path}`);
  await new Promise<void>((resolve, reject) => {
    readFrames(socket, (frame) => onFrame(frame, socket), reject);
    socket.on('error', reject);
    socket.on('close', () => resolve());
    socket.write(encodeFrame('request', request));
  });
}

/** The agent's status, or undefined when no agent answers on `path`. */
export async function probeAgent(path: string): Promise<AgentStatus | undefined> {
  let status: AgentStatus | undefined;
  await requestAgent(path, { version: agentProtocolVersion, type: 'status' }, (frame) => {
    if (frame.kind === 'status') status = agentStatusSchema.parse(framePayloadJson(frame));
  }).catch(() => {});
  return status;
}

/** Asks the agent on `path` to close its connection and exit; false when none answered. */
export async function shutdownAgent(path: string): Promise<boolean> {
  let answered = false;
  await requestAgent(path, { version: agentProtocolVersion, type: 'shutdown' }, () => {
    answered = true;
  }).catch(() => {});
  return answered;
}

/** The message of an `error` frame. */
export function agentErrorMessage(frame: AgentFrame): string {
  const parsed = agentErrorSchema.safeParse(framePayloadJson(frame));
  return parsed.success ? parsed.data.message : 'the agent sent a malformed error';
}
