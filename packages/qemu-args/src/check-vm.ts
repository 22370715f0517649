import type { z } from 'zod';
import { type BuildContext, resolveSpec } from './_resolved';
import type { QemuArgsIssue } from './errors';
import { type QemuHostInput, qemuHostSchema } from './qemu-host';
import { rules } from './rules';
import { type VmSpecInput, vmSpecSchema } from './vm-spec';

/** Everything wrong with a spec + host, at once. */
export interface QemuSpecCheck {
  /** Problems that make the VM unbuildable (empty when it can be built). */
  errors: QemuArgsIssue[];
  /** Things that build but probably do not do what you want (e.g. no NetKVM for arm64). */
  warnings: QemuArgsIssue[];
  /** The parsed, defaulted inputs when they passed the schemas. */
  context?: BuildContext;
}

/**
 * Validates a VM spec against a host description and reports every problem at once, each with its
 * path (`spec.disk.interface`, `host.tpmSocket`, …). Schema errors are reported first; the rules
 * that combine fields run when both inputs pass their schemas.
 */
export function checkQemuSpec(spec: VmSpecInput, host: QemuHostInput): QemuSpecCheck {
  const parsedSpec = vmSpecSchema.safeParse(spec);
  const parsedHost = qemuHostSchema.safeParse(host);
  const schemaErrors = [...zodIssues('spec', parsedSpec.error), ...zodIssues('host', parsedHost.error)];
  if (!parsedSpec.success || !parsedHost.success) return { errors: schemaErrors, warnings: [] };
  const context = { spec: resolveSpec(parsedSpec.data), host: parsedHost.data };
  const findings = rules.flatMap((rule) => rule(context) ?? []);
  const strip = ({ path, message }: QemuArgsIssue) => ({ path, message });
  return {
    errors: findings.filter((f) => f.severity === 'error').map(strip),
    warnings: findings.filter((f) => f.severity === 'warning').map(strip),
    context,
  };
}

function zodIssues(root: string, error: z.ZodError | undefined): QemuArgsIssue[] {
  return (error?.issues ?? []).map((issue) => ({
    path: [root, ...issue.path]
      .reduce<string>(
        (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${String(key)}`),
        '',
      )
      .slice(1),
    message: issue.message,
  }));
}
