import { randomBytes } from 'node:crypto';
import { Socket } from 'node:net';
import { describe, expect, test } from 'vitest';
import { type AgentFrame, agentFrameKinds, encodeFrame, framePayloadJson, readFrames } from './agent-frames';
import { agentRequestSchema } from './ssh-agent-protocol';

/** Feeds `bytes` to the frame reader in pieces of `size`, as a socket may deliver them. */
function decode(bytes: Buffer, size: number) {
  const socket = new Socket();
  const frames: AgentFrame[] = [];
  const errors: Error[] = [];
  readFrames(
    socket,
    (frame) => frames.push(frame),
    (error) => errors.push(error),
  );
  for (let at = 0; at < bytes.length; at += size) socket.emit('data', bytes.subarray(at, at + size));
  return { frames, errors, destroyed: socket.destroyed };
}

describe('agent frames', () => {
  const request = { version: 1, type: 'exec', command: "printf '\\0\\377' | cat" } as const;
  const binary = randomBytes(70_000);
  const stream = Buffer.concat([
    encodeFrame('request', request),
    encodeFrame('stdin', binary),
    encodeFrame('stdinEnd'),
    encodeFrame('stdout', Buffer.from([0, 255, 10, 13])),
    encodeFrame('exit', { code: 3, signal: null }),
  ]);

  test.each([1, 5, 7, 4096, stream.length])(
    'bytes split every %i bytes decode to the same frames',
    (size) => {
      const { frames, errors } = decode(stream, size);
      expect(errors).toEqual([]);
      expect(frames.map((f) => f.kind)).toEqual(['request', 'stdin', 'stdinEnd', 'stdout', 'exit']);
      expect(agentRequestSchema.parse(framePayloadJson(frames[0] as AgentFrame))).toEqual(request);
      expect((frames[1] as AgentFrame).payload.equals(binary)).toBe(true);
      expect((frames[2] as AgentFrame).payload.length).toBe(0);
      expect([...(frames[3] as AgentFrame).payload]).toEqual([0, 255, 10, 13]);
      expect(framePayloadJson(frames[4] as AgentFrame)).toEqual({ code: 3, signal: null });
    },
  );

  test('the header is one kind byte and a big-endian length', () => {
    expect([...encodeFrame('stderr', Buffer.from('ab'))]).toEqual([
      agentFrameKinds.stderr,
      0,
      0,
      0,
      2,
      97,
      98,
    ]);
  });

  test('an unknown kind or an oversized frame is a protocol error that closes the socket', () => {
    const unknown = decode(Buffer.from([99, 0, 0, 0, 0]), 5);
    expect(unknown.errors.map((e) => e.message)).toEqual(['protocol error: frame kind 99, 0 bytes']);
    expect(unknown.destroyed).toBe(true);
    const huge = decode(Buffer.from([agentFrameKinds.stdout, 0xff, 0xff, 0xff, 0xff]), 5);
    expect(huge.errors).toHaveLength(1);
    expect(huge.frames).toEqual([]);
  });

  test('a request of another protocol version or without a command is refused by the schema', () => {
    expect(agentRequestSchema.safeParse({ version: 2, type: 'status' }).success).toBe(false);
    expect(agentRequestSchema.safeParse({ version: 1, type: 'exec', command: '' }).success).toBe(false);
    expect(agentRequestSchema.safeParse({ version: 1, type: 'shutdown' }).success).toBe(true);
  });
});
