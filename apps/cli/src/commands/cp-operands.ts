import { UsageError } from '../errors';

/** One side of `winguest cp`: a host path, or a path in an instance (`INSTANCE:PATH`). */
export type CpOperand = { kind: 'host'; path: string } | { kind: 'guest'; instance: string; path: string };

/** What `winguest cp SRC DST` does: one file into or out of one instance. */
export interface CpPlan {
  instance: string;
  direction: 'to-guest' | 'from-guest';
  hostPath: string;
  guestPath: string;
}

const instancePrefix = /^([a-z0-9][a-z0-9._-]{0,62}):(.*)$/is;

/**
 * Reads an operand: `NAME:PATH` names an instance (`dev:C:/Users/admin/x.txt`); anything else is a
 * host path. On a Windows host a one-letter prefix followed by a slash is a drive (`C:\x`), not an
 * instance.
 */
export function parseCpOperand(text: string, platform: NodeJS.Platform = process.platform): CpOperand {
  const match = instancePrefix.exec(text);
  if (!match) return { kind: 'host', path: text };
  const [, instance = '', path = ''] = match;
  if (platform === 'win32' && instance.length === 1 && /^[\\/]/.test(path))
    return { kind: 'host', path: text };
  return { kind: 'guest', instance, path };
}

/** Checks that exactly one side is in an instance and both paths are given; every problem at once. */
export function planCp(operands: readonly string[], platform?: NodeJS.Platform): CpPlan {
  const [source, destination] = operands;
  if (operands.length !== 2 || source === undefined || destination === undefined) {
    throw new UsageError(
      `Expected a source and a destination, got ${operands.length} operand(s); e.g. \`winguest cp ./a.txt dev:C:/Users/admin/\``,
      'cp',
    );
  }
  const from = parseCpOperand(source, platform);
  const to = parseCpOperand(destination, platform);
  const problems: string[] = [];
  if (from.kind === to.kind) {
    problems.push(
      from.kind === 'host'
        ? `neither "${source}" nor "${destination}" names an instance; prefix the guest side with its name, e.g. dev:C:/path`
        : `both "${source}" and "${destination}" are in an instance; copy through the host in two steps`,
    );
  }
  for (const side of [from, to])
    if (side.path === '')
      problems.push(`"${side.kind === 'guest' ? `${side.instance}:` : ''}" has no path after it`);
  if (problems.length > 0) throw new UsageError(problems.join('; '), 'cp');
  const guest = (from.kind === 'guest' ? from : to) as Extract<CpOperand, { kind: 'guest' }>;
  const host = from.kind === 'host' ? from : to;
  return {
    instance: guest.instance,
    direction: from.kind === 'host' ? 'to-guest' : 'from-guest',
    hostPath: host.path,
    guestPath: guest.path,
  };
}
