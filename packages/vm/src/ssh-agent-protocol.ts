import { z } from 'zod';

/**
 * The protocol between `winguest ssh` and an instance's connection agent, over the agent's UNIX
 * socket (a named pipe on Windows). One request per socket connection. Every message is a frame:
 * one byte of kind, a 32-bit big-endian payload length, then the payload. `request`, `exit`,
 * `status` and `error` carry UTF-8 JSON described by the schemas below; `stdin`, `stdout` and
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

/** The first frame a client sends. */
export const agentRequestSchema = z.discriminatedUnion('type', [
  z.object({
    version: z.literal(agentProtocolVersion),
    /** Run `command` in the guest on a new channel of the agent's connection. */
    type: z.literal('exec'),
    command: z.string().min(1),
  }),
  z.object({
    version: z.literal(agentProtocolVersion),
    /** Ask for {@link agentStatusSchema}. */
    type: z.literal('status'),
  }),
  z.object({
    version: z.literal(agentProtocolVersion),
    /** Close the connection and exit (what `stop` and `rm` send). */
    type: z.literal('shutdown'),
  }),
]);

/** How a command ended. */
export const agentExitSchema = z.object({
  /** Exit status; null when a signal ended the command. */
  code: z.number().int().nullable(),
  /** The signal's name (`SIGTERM`), when one ended the command. */
  signal: z.string().nullable(),
});

/** What the agent reports about itself. */
export const agentStatusSchema = z.object({
  pid: z.number().int(),
  /** SSH connections (handshakes) the agent has opened: 1 for its whole life. */
  connections: z.number().int(),
  /** Channels (commands) served so far. */
  channels: z.number().int(),
  /** Channels open now. */
  active: z.number().int(),
  startedAt: z.string(),
});

/** Why a request failed (never contains the command or key material). */
export const agentErrorSchema = z.object({ message: z.string() });

export type AgentRequest = z.infer<typeof agentRequestSchema>;
export type AgentExit = z.infer<typeof agentExitSchema>;
export type AgentStatus = z.infer<typeof agentStatusSchema>;
