import type { z } from 'zod';
import { InvalidInputError, type ValidationIssue } from './errors';

/** Validates `input` against `schema`, throwing one error that lists every problem with its path. */
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  code: 'invalid-spec' | 'invalid-launcher-options',
  what: string,
): z.output<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues: ValidationIssue[] = result.error.issues.map((issue) => ({
    path: formatPath(issue.path),
    message: issue.message,
  }));
  throw new InvalidInputError(code, what, issues);
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, part) => {
    if (typeof part === 'number') return `${text}[${part}]`;
    return text === '' ? String(part) : `${text}.${String(part)}`;
  }, '');
}
