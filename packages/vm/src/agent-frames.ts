import type { Socket } from 'node:net';

/**
 * The protocol between `winguest ssh` and an instance's connection agent, over the agent's UNIX
 * socket (a named pipe on Windows). One request per socket connection. Every message is a frame:
 * one byte of kind, a 32-bit big-endian payload length, then the payload. `request`, `exit`,
 * `status` and `error` carry UTF-8 JSON described by the schemas in `ssh-agent-protocol.ts`; `stdin`, `stdout` and
 * `stderr` carry raw bytes, passed through unchanged. docs/ssh-agent.md describes the exchange.
 */
export const agentFrameKinds = {
  /** client → agent, first frame: {@link agentRequestSchema}. */
  request: 1,
  /** client → agent: bytes for the command's stdin. */
  stdin: 2,
  /** client → agent: stdin has ended (empty payload). */
  stdinEnd: 3,
  /** agent → client: bytes the command wrote to stdout. */
  stdout: 4,
  /** agent → client: bytes the command wrote to stderr. */
  stderr: 5,
  /** agent → client, last frame of an exec: {@link agentExitSchema}. */
  exit: 6,
  /** agent → client, answer to `status`: {@link agentStatusSchema}. */
  status: 7,
  /** agent → client, last frame when the request failed: {@link agentErrorSchema}. */
  error: 8,
} as const;

/** The name of a frame kind. */
export type AgentFrameKind = keyof typeof agentFrameKinds;

/** The protocol version; an agent refuses requests of another version with an `error` frame. */
export const agentProtocolVersion = 1;

/** One decoded frame. */
export interface AgentFrame {
  kind: AgentFrameKind;
  payload: Buffer;
}

/** Frames larger than this are a protocol error (stream data is sent in smaller pieces). */
const maxPayload = 16 * 2 ** 20;
const kindNames = new Map<number, AgentFrameKind>(
  Object.entries(agentFrameKinds).map(([name, code]) => [code, name as AgentFrameKind]),
);

/** Encodes one frame; objects become UTF-8 JSON. */
export function encodeFrame(kind: AgentFrameKind, payload: Buffer | object = Buffer.alloc(0)): Buffer {
  const body = Buffer.isBuffer(payload) ? payload : Buffer.from(JSON.stringify(payload), 'utf8');
  const header = Buffer.alloc(5);
  header.writeUInt8(agentFrameKinds[kind], 0);
  header.writeUInt32BE(body.length, 1);
  return Buffer.concat([header, body]);
}

/** The JSON payload of a frame, parsed (the caller validates it with the protocol's schema). */
export function framePayloadJson(frame: AgentFrame): unknown {
  return JSON.parse(frame.payload.toString('utf8'));
}

/**
 * Calls `onFrame` for every frame arriving on `socket`, in order; `onError` once for a frame of an
 * unknown kind or an oversized one (the socket is destroyed then). Chunks are joined only once a
 * whole frame has arrived, so a large frame in many small chunks costs one copy.
 */
export function readFrames(
  socket: Socket,
  onFrame: (frame: AgentFrame) => void,
  onError: (error: Error) => void,
): void {
  let chunks: Buffer[] = [];
  let length = 0;
  let needed = 5;
  socket.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
    length += chunk.length;
    while (length >= needed) {
      const buffered = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, length);
      const code = buffered.readUInt8(0);
      const size = buffered.readUInt32BE(1);
      const kind = kindNames.get(code);
      if (!kind || size > maxPayload) {
        socket.destroy();
        onError(new Error(`protocol error: frame kind ${code}, ${size} bytes`));
        return;
      }
      needed = 5 + size;
      chunks = [buffered];
      if (length < needed) return;
      const rest = buffered.subarray(needed);
      onFrame({ kind, payload: buffered.subarray(5, needed) });
      chunks = rest.length > 0 ? [rest] : [];
      length = rest.length;
      needed = 5;
    }
  });
}
