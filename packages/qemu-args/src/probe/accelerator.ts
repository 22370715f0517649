import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { probeGuestArgs, probeGuestImage, probeGuestSuccessStatus } from './probe-guest';
import { describeFailure, type GuestArch, type ProbeResult } from './probe-result';
import { type CommandRunner, runCommand } from './run-command';

/** A QEMU accelerator. `tcg` (emulation) always works, slowly. */
export type Accelerator = 'kvm' | 'hvf' | 'whpx' | 'tcg';

/** Options of the accelerator probes. */
export interface AcceleratorProbeOptions {
  /** Guest architecture. */
  arch: GuestArch;
  /** The QEMU binary for `arch` (from `probeQemu`). */
  qemuPath: string;
  /** Host platform. Default `process.platform`. */
  platform?: NodeJS.Platform;
  /** Host CPU architecture in Node's terms (`x64`, `arm64`). Default `process.arch`. */
  hostArch?: string;
  /** Runs QEMU; inject one to test without QEMU. Default: spawn it. */
  runner?: CommandRunner;
  /** How long the test guest may take, in ms. Default 10 000 (it needs well under a second). */
  timeoutMs?: number;
  /** The KVM device checked before starting a guest. Default `/dev/kvm`. */
  kvmDevice?: string;
}

/** A working accelerator; `smm` says whether x86 firmware that requires SMM (Secure Boot OVMF) runs with it. */
export interface WorkingAccelerator {
  smm: boolean;
}

/** The accelerator to use, and why it is TCG when it is. */
export interface AcceleratorChoice {
  accelerator: Accelerator;
  /** amd64 only: whether firmware that requires SMM (Secure Boot OVMF) can run; false for arm64. */
  smm: boolean;
  /** Why the platform's accelerator is not used (absent when it is). */
  reason?: string;
  /** True when the guest's architecture is not the host CPU's: only TCG can run it. */
  foreignArch?: boolean;
}

/**
 * What QEMU prints when the accelerator fails at the first instruction: KVM pauses the guest with
 * "KVM internal error" (or "kvm run failed"), HVF and WHPX report their own errors. Seeing it ends
 * the probe at once instead of waiting out the timeout.
 */
const acceleratorFailure = /KVM internal error|kvm run failed|Error: HV_|WHPX: (?:Unexpected|Failed)/i;

const hostArchOf: Readonly<Record<GuestArch, string>> = { amd64: 'x64', arm64: 'arm64' };

/**
 * Probes KVM by starting a tiny guest that runs x87/SSE (amd64) or FP (arm64) code under
 * `-accel kvm -cpu host`: a present `/dev/kvm` can still fail at the first real instruction, as it
 * does in some nested setups. On amd64 a second run checks SMM.
 */
export function probeKvm(options: AcceleratorProbeOptions): Promise<ProbeResult<WorkingAccelerator>> {
  const device = options.kvmDevice ?? '/dev/kvm';
  try {
    accessSync(device, constants.R_OK | constants.W_OK);
  } catch (error) {
    return Promise.resolve({
      available: false,
      reason: `${device} is not usable: ${(error as Error).message}`,
    });
  }
  return probeWithGuest('kvm', options);
}

/** Probes Hypervisor.framework (macOS) by starting the same tiny guest under `-accel hvf`. */
export function probeHvf(options: AcceleratorProbeOptions): Promise<ProbeResult<WorkingAccelerator>> {
  return probeWithGuest('hvf', options);
}

/** Probes Windows Hypervisor Platform by starting the tiny guest under `-accel whpx` (x86 guests only). */
export function probeWhpx(options: AcceleratorProbeOptions): Promise<ProbeResult<WorkingAccelerator>> {
  if (options.arch !== 'amd64') {
    return Promise.resolve({ available: false, reason: 'QEMU supports WHPX for x86 guests only' });
  }
  return probeWithGuest('whpx', options);
}

/**
 * Picks the accelerator for `arch` on this host: KVM on Linux, HVF on macOS, WHPX on Windows, each
 * proven by a test guest; TCG otherwise, with the reason recorded. Never throws.
 */
export async function probeAccelerator(options: AcceleratorProbeOptions): Promise<AcceleratorChoice> {
  const platform = options.platform ?? process.platform;
  const hostArch = options.hostArch ?? process.arch;
  const tcg = (reason: string): AcceleratorChoice => ({
    accelerator: 'tcg',
    smm: options.arch === 'amd64',
    reason,
  });
  if (hostArch !== hostArchOf[options.arch]) {
    return {
      ...tcg(`the host CPU is ${hostArch}; ${options.arch} guests can only be emulated`),
      foreignArch: true,
    };
  }
  const candidates: Partial<Record<NodeJS.Platform, [Accelerator, typeof probeKvm]>> = {
    linux: ['kvm', probeKvm],
    darwin: ['hvf', probeHvf],
    win32: ['whpx', probeWhpx],
  };
  const candidate = candidates[platform];
  if (!candidate) return tcg(`no hardware accelerator is known for ${platform}`);
  const [name, probe] = candidate;
  const result = await probe(options);
  if (!result.available) return tcg(`${name} is not usable: ${result.reason}`);
  return { accelerator: name, smm: options.arch === 'amd64' && result.smm };
}

async function probeWithGuest(
  accelerator: Accelerator,
  options: AcceleratorProbeOptions,
): Promise<ProbeResult<WorkingAccelerator>> {
  const dir = mkdtempSync(join(tmpdir(), 'winguest-accel-'));
  try {
    const image = join(dir, `probe-${options.arch}.bin`);
    writeFileSync(image, probeGuestImage(options.arch));
    const failure = await runGuest(accelerator, options, image, false);
    if (failure) return { available: false, reason: failure };
    const smm = options.arch === 'amd64' && !(await runGuest(accelerator, options, image, true));
    return { available: true, smm };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the test guest; returns undefined when it completed, else why not. */
async function runGuest(
  accelerator: Accelerator,
  options: AcceleratorProbeOptions,
  image: string,
  smm: boolean,
): Promise<string | undefined> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const args = probeGuestArgs(options.arch, accelerator, image, smm);
  const result = await (options.runner ?? runCommand)(options.qemuPath, args, {
    timeoutMs,
    failOn: acceleratorFailure,
  });
  if (result.exitCode === probeGuestSuccessStatus(options.arch)) return undefined;
  return describeFailure(
    `a test guest under -accel ${accelerator}${smm ? ' with SMM' : ''}`,
    result,
    timeoutMs,
  );
}
