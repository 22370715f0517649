import * as z from 'zod';
import { agentProtocolVersion } from './agent-frames';

/** The schemas of the JSON payloads of the connection agent's frames (see `agent-frames.ts`). */
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
