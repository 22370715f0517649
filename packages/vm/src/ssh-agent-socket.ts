import type { Socket } from 'node:net';
import {
  type AgentFrame,
  agentProtocolVersion,
  encodeFrame,
  framePayloadJson,
  readFrames,
} from './agent-frames';
import { connectAgent } from './ssh-agent-client';
import { type AgentRequest, type AgentStatus, agentStatusSchema } from './ssh-agent-protocol';

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
export function probeAgent(path: string): Promise<AgentStatus | undefined> {
  return askAgent(path, 'status');
}

/** Asks the agent on `path` to close its connection and exit; its last status, or undefined when none answered. */
export function shutdownAgent(path: string): Promise<AgentStatus | undefined> {
  return askAgent(path, 'shutdown');
}

async function askAgent(path: string, type: 'status' | 'shutdown'): Promise<AgentStatus | undefined> {
  let status: AgentStatus | undefined;
  await requestAgent(path, { version: agentProtocolVersion, type }, (frame) => {
    if (frame.kind === 'status') status = agentStatusSchema.parse(framePayloadJson(frame));
  }).catch(() => {});
  return status;
}
