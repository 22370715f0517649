import {
  InvalidQemuSpecError,
  type ResolvedVmSpec,
  resolveVmSpec,
  type VmSpecInput,
} from '@winguest/qemu-args';
import type { z } from 'zod';
import { type ExportIssue, InvalidExportError } from './errors';

/**
 * Resolves the VM spec (qemu-args' defaults) and parses the options, then runs `rules` on both;
 * every problem of the three is reported at once.
 * @throws InvalidExportError
 */
export function parseExportInput<S extends z.ZodType>(
  target: string,
  spec: VmSpecInput,
  schema: S,
  options: unknown,
  rules: (spec: ResolvedVmSpec, options: z.output<S>) => ExportIssue[],
): { spec: ResolvedVmSpec; options: z.output<S> } {
  const issues: ExportIssue[] = [];
  let resolved: ResolvedVmSpec | undefined;
  try {
    resolved = resolveVmSpec(spec);
  } catch (error) {
    if (!InvalidQemuSpecError.isInstance(error)) throw error;
    issues.push(...(error as InvalidQemuSpecError).issues);
  }
  const parsed = schema.safeParse(options);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      issues.push({ path: ['options', ...issue.path.map(String)].join('.'), message: issue.message });
    }
  }
  if (resolved && parsed.success) issues.push(...rules(resolved, parsed.data));
  if (issues.length > 0 || !resolved || !parsed.success) throw new InvalidExportError(target, issues);
  return { spec: resolved, options: parsed.data };
}
