import type { Client } from 'ssh2';
import type { AgentExit } from './ssh-agent-protocol';

/** Where a command's output goes, byte for byte. */
export interface CommandSinks {
  stdout: (chunk: Buffer) => void;
  stderr: (chunk: Buffer) => void;
}

/** A command running on its own channel. */
export interface RunningCommand {
  /** Bytes for the command's stdin. */
  write: (chunk: Buffer) => void;
  /** Ends the command's stdin. */
  end: () => void;
  /** Closes the channel (the caller went away). */
  close: () => void;
  /** Resolves when the channel has closed, with how the command ended. */
  exited: Promise<AgentExit>;
}

/** Opens a channel on a connected client and runs `command` on it, streaming its output. */
export function execChannel(client: Client, command: string, sinks: CommandSinks): Promise<RunningCommand> {
  return new Promise((resolve, reject) => {
    client.exec(command, (error, channel) => {
      if (error) return reject(error);
      let exit: AgentExit = { code: null, signal: null };
      channel.on('data', (chunk: Buffer) => sinks.stdout(chunk));
      channel.stderr.on('data', (chunk: Buffer) => sinks.stderr(chunk));
      channel.on('exit', (code: number | null, signal?: string) => {
        exit = { code: typeof code === 'number' ? code : null, signal: signal ?? null };
      });
      const exited = new Promise<AgentExit>((done) => channel.on('close', () => done(exit)));
      resolve({
        write: (chunk) => channel.write(chunk),
        end: () => channel.end(),
        close: () => channel.close(),
        exited,
      });
    });
  });
}
