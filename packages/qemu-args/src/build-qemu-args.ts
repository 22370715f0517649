import { checkQemuSpec } from './check-vm';
import { controlArgs, nameArgs } from './control-args';
import { deviceArgs } from './device-args';
import { InvalidQemuSpecError, type QemuArgsIssue } from './errors';
import { guestAgentArgs } from './guest-agent-args';
import { firmwareArgs, machineArgs } from './machine-args';
import { networkArgs } from './network-args';
import type { QemuHostInput } from './qemu-host';
import { shareArgs } from './share-args';
import { storageArgs } from './storage-args';
import type { VmSpecInput } from './vm-spec';

/** A QEMU invocation: spawn `binary` with `args` (no shell involved). */
export interface QemuCommand {
  /** The QEMU binary from `host.binary`. */
  binary: string;
  /** The argument vector, without the binary. Deterministic: same input, same array. */
  args: string[];
  /** Things that build but probably do not do what you want (see the README's list). */
  warnings: QemuArgsIssue[];
}

/**
 * Turns a VM spec and a host description into the exact QEMU argument vector. Pure: reads no
 * files, probes nothing; everything comes from `spec` and `host`.
 * @throws InvalidQemuSpecError listing every problem at once (see `checkQemuSpec`).
 */
export function buildQemuArgs(spec: VmSpecInput, host: QemuHostInput): QemuCommand {
  const check = checkQemuSpec(spec, host);
  if (check.errors.length > 0 || !check.context) throw new InvalidQemuSpecError(check.errors);
  const ctx = check.context;
  const args = [
    ...nameArgs(ctx),
    '-nodefaults',
    '-no-user-config',
    ...machineArgs(ctx),
    ...deviceArgs(ctx),
    ...storageArgs(ctx),
    ...firmwareArgs(ctx),
    ...networkArgs(ctx),
    ...guestAgentArgs(ctx),
    ...shareArgs(ctx),
    ...controlArgs(ctx),
    ...ctx.spec.extraArgs,
  ];
  return { binary: ctx.host.binary, args, warnings: check.warnings };
}
