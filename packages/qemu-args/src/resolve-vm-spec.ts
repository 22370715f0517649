import { type ResolvedSpec, resolveSpec } from './_resolved';
import { InvalidQemuSpecError } from './errors';
import { type VmSpecInput, vmSpecSchema } from './vm-spec';

/** A VM spec with every default applied, including the ones that depend on the architecture. */
export type ResolvedVmSpec = ResolvedSpec;

/**
 * Parses a VM spec and fills in every default (`disk.interface`, `network.model` by architecture),
 * exactly as `buildQemuArgs` sees it, for renderers of other engines (libvirt, KubeVirt) that must
 * attach the same devices. Host-independent: no host description is needed.
 * @throws InvalidQemuSpecError listing every schema problem with its `spec.` path.
 */
export function resolveVmSpec(spec: VmSpecInput): ResolvedVmSpec {
  const parsed = vmSpecSchema.safeParse(spec);
  if (!parsed.success) {
    throw new InvalidQemuSpecError(
      parsed.error.issues.map((issue) => ({
        path: ['spec', ...issue.path.map(String)].join('.'),
        message: issue.message,
      })),
    );
  }
  return resolveSpec(parsed.data);
}
