import type { z } from 'zod';
import type { GuestIssue } from './errors';

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

/** zod issues as guest issues: path, message naming the bad value; secrets are never echoed. */
export function toGuestIssues(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  prefix = '',
): GuestIssue[] {
  return issues.map((issue) => {
    const path = formatPath(issue.path, prefix) || '(root)';
    const value = valueAt(input, issue.path);
    const secret = issue.path.some((key) => /password/i.test(String(key)));
    if (secret || value === undefined || typeof value === 'object') return { path, message: issue.message };
    const shown = JSON.stringify(value);
    const message = issue.message.includes(shown) ? issue.message : `${issue.message} (got ${shown})`;
    return { path, message, value };
  });
}
