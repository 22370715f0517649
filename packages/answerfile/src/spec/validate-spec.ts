import type { z } from 'zod';
import { AnswerFileSpecError, type SpecIssue } from '../errors';
import { type AnswerFileSpec, answerFileSpecSchema, type ResolvedAnswerFileSpec } from './answer-file-spec';

/** `identity.accounts[1].name` from `['identity', 'accounts', 1, 'name']`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text ? `${text}.${String(key)}` : String(key);
  }, '');
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function describeValue(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function toSpecIssue(issue: z.core.$ZodIssue, input: unknown): SpecIssue {
  const path = formatPath(issue.path);
  const value = valueAt(input, issue.path);
  const secret = /password/i.test(String(issue.path.at(-1) ?? ''));
  const shown = secret ? undefined : value;
  if (issue.code === 'custom' || value === undefined || secret) {
    return { path, message: issue.message, value: shown };
  }
  return { path, message: `${issue.message} (got ${describeValue(value)})`, value };
}

/**
 * Validates a spec and applies every default. Throws {@link AnswerFileSpecError} listing every
 * problem at once, each with its path and value (passwords are never echoed).
 */
export function resolveAnswerFileSpec(spec: AnswerFileSpec): ResolvedAnswerFileSpec {
  const result = answerFileSpecSchema.safeParse(spec);
  if (result.success) return result.data;
  throw new AnswerFileSpecError(result.error.issues.map((issue) => toSpecIssue(issue, spec)));
}
