import { isSecretKey } from '@winguest/shell';
import type { z } from 'zod';
import type { GuestIssue } from './errors';

/** How many unknown keys one issue names (a config with 40 000 of them gets one short line). */
const shownKeys = 10;

/** `vm.disk.size`, `answer.identity.accounts[1].name` from a zod path under `prefix`. */
export function formatPath(path: readonly PropertyKey[], prefix = ''): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text ? `${text}.${String(key)}` : String(key);
  }, prefix);
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * zod issues as guest issues: path, message naming the bad value. A value under a secret key
 * (`isSecretKey` of @winguest/shell) is never echoed; known secret strings are the printer's job.
 */
export function toGuestIssues(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  prefix = '',
): GuestIssue[] {
  return issues.map((issue) => {
    const path = formatPath(issue.path, prefix) || '(root)';
    if (issue.code === 'unrecognized_keys' && issue.keys.length > shownKeys) {
      const listed = issue.keys.slice(0, shownKeys).map((key) => JSON.stringify(key));
      return {
        path,
        message: `Unrecognized keys: ${listed.join(', ')} and ${issue.keys.length - shownKeys} more`,
      };
    }
    const value = valueAt(input, issue.path);
    const secret = issue.path.some(isSecretKey);
    if (secret || value === undefined || typeof value === 'object') return { path, message: issue.message };
    const shown = JSON.stringify(value);
    const message = issue.message.includes(shown) ? issue.message : `${issue.message} (got ${shown})`;
    return { path, message, value };
  });
}
