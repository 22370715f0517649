import { parseArgs } from 'node:util';
import type { CommandDefinition, OptionDefinition } from './command';
import { UsageError } from './errors';

/** Flags every command accepts. */
export const globalOptions: Record<string, OptionDefinition> = {
  help: { type: 'boolean', short: 'h', description: 'Show help for the command' },
  debug: { type: 'boolean', description: 'Show stack traces and internal details on errors' },
  'no-color': { type: 'boolean', description: 'Never use colour (also: NO_COLOR=1)' },
};

/**
 * Parses a command's argv strictly; unknown flags become a usage error with a suggestion, and so
 * does an empty value (`--out ''` must not quietly mean the current folder).
 */
export function parseCommandArgs(command: CommandDefinition, argv: string[]) {
  const options = { ...globalOptions, ...command.options };
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: Object.fromEntries(
        Object.entries(options).map(([name, o]) => [
          name,
          { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) },
        ]),
      ),
      allowPositionals: true,
      strict: true,
    });
    const empty = Object.entries(values).filter(([, v]) => v === '' || (Array.isArray(v) && v.includes('')));
    if (empty.length > 0) {
      const names = empty.map(([name]) => `--${name}`).join(', ');
      throw new UsageError(
        `${names} was given an empty value (an empty path would mean the current folder)`,
        command.name,
      );
    }
    return { values: values as Record<string, string | boolean | string[] | undefined>, positionals };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(describeParseError(error, Object.keys(options)), command.name);
  }
}

function describeParseError(error: unknown, known: string[]): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(message)?.[1];
  if (unknown) {
    const suggestion = closest(unknown.replace(/^-+/, ''), known);
    return `Unknown option '${unknown}'${suggestion ? `; did you mean '--${suggestion}'?` : ''}`;
  }
  return message.replace(/\. To specify a positional argument.*$/, '');
}

/** The known name within edit distance 2 of `name`, if any. */
export function closest(name: string, known: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const d = distance(name, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] as number;
      row[j] = Math.min(current + 1, (row[j - 1] as number) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length] as number;
}
