import type { Readable } from 'node:stream';
import type { Output } from './output';

/** One flag of a command, as `node:util` parseArgs understands it plus what `--help` shows. */
export interface OptionDefinition {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  /** Shown in help as `--name <valueName>`. */
  valueName?: string;
  description: string;
}

/** What a command receives: parsed flags, positionals, and the world it may touch. */
export interface CommandContext {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
  out: Output;
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdin: Readable & { isTTY?: boolean };
  debug: boolean;
}

export interface CommandDefinition {
  /** Full name as typed, e.g. `password encode`. */
  name: string;
  summary: string;
  /** Usage lines after `winguest `, e.g. `password encode [--field Password] [password]`. */
  usage: string[];
  /** Paragraphs shown under the usage. */
  description?: string;
  options?: Record<string, OptionDefinition>;
  /** Each example: the command line and what it does. */
  examples?: Array<[command: string, explanation: string]>;
  /** Leaf commands run; group commands list subcommands instead. */
  run?: (context: CommandContext) => Promise<number | undefined> | number | undefined;
  subcommands?: Record<string, CommandDefinition>;
}
