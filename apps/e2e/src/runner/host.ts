import { availableParallelism, freemem, platform, release, totalmem } from 'node:os';
import { execa } from 'execa';
import type { HostInfo, Versions } from '../report/results-schema.ts';
import type { HostCapacity } from './concurrency.ts';
import { type DoctorFacts, parseDoctor } from './doctor.ts';
import type { WinguestCli } from './winguest-cli.ts';

/** The host's architecture as a guest architecture. */
export function hostGuestArch(arch = process.arch): string {
  return arch === 'x64' ? 'amd64' : arch;
}

/** CPUs and free memory for the concurrency limit. */
export function hostCapacity(): HostCapacity {
  return { cpus: availableParallelism(), freeMemoryMiB: Math.floor(freemem() / 2 ** 20) };
}

/** What the report says about the host and the versions, plus doctor's findings. */
export async function probeHost(
  cli: WinguestCli,
): Promise<{ host: HostInfo; versions: Versions; doctor: DoctorFacts }> {
  const [doctorRun, versionRun] = await Promise.all([cli.run(['doctor', '--json']), cli.run(['--version'])]);
  const doctor = parseDoctor(doctorRun.stdout);
  const commit =
    process.env.GITHUB_SHA ||
    (await execa('git', ['rev-parse', 'HEAD'], { reject: false })).stdout ||
    undefined;
  return {
    doctor,
    host: {
      os: `${platform()} ${release()}`,
      arch: hostGuestArch(),
      cpus: availableParallelism(),
      memoryMiB: Math.floor(totalmem() / 2 ** 20),
      accelerator: doctor.accelerator,
      acceleratorDetail: doctor.acceleratorDetail,
    },
    versions: {
      winguest: versionRun.stdout.trim().split(/\s+/).at(-1) || 'unknown',
      node: process.versions.node,
      ...(doctor.qemuVersion ? { qemu: doctor.qemuVersion } : {}),
      ...(commit ? { commit: String(commit).trim() } : {}),
    },
  };
}
