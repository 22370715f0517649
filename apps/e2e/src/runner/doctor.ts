import { hostReportSchema } from '@winguest/qemu-args/probe';
import { E2eError, formatIssues } from '../errors.ts';

/** What `winguest doctor --json` says about the host, as the harness needs it. */
export interface DoctorFacts {
  /** Doctor's own verdict: a guest can be built and booted here (maybe only under TCG). */
  ready: boolean;
  /** `kvm`, `hvf` or `whpx` when a test guest really ran with it; otherwise `tcg`. */
  accelerator: string;
  /** Doctor's words about the accelerator, e.g. why KVM does not work. */
  acceleratorDetail: string;
  /** The QEMU version text of the host's architecture, if found. */
  qemuVersion: string | undefined;
  /** Failed checks as `name: detail`. */
  failures: string[];
  /** Doctor's `shared folders` check: virtio-fs works here (level ok), and its words. */
  shares: { virtioFs: boolean; detail: string };
}

/** Reads `winguest doctor --json` output. */
export function parseDoctor(stdout: string): DoctorFacts {
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch {
    throw new E2eError('cli-protocol', `winguest doctor --json printed no JSON: ${stdout.slice(0, 200)}`);
  }
  const parsed = hostReportSchema.safeParse(json);
  if (!parsed.success) {
    throw new E2eError('cli-protocol', `winguest doctor --json: ${formatIssues(parsed.error.issues)}`);
  }
  const { ready, checks, accelerator, qemu } = parsed.data;
  const native = process.arch === 'arm64' ? 'arm64' : 'amd64';
  return {
    ready,
    accelerator: accelerator?.proven ? accelerator.accelerator : 'tcg',
    acceleratorDetail: accelerator
      ? (accelerator.reason ?? `${accelerator.accelerator} works (test guest ran)`)
      : 'doctor reported no accelerator (QEMU missing?)',
    qemuVersion: qemu[native]?.version,
    failures: checks.filter((c) => c.level === 'fail').map((c) => `${c.name}: ${c.detail}`),
    shares: sharesFact(checks.find((c) => c.name === 'shared folders')),
  };
}

function sharesFact(check: { level: string; detail: string } | undefined): DoctorFacts['shares'] {
  if (!check) return { virtioFs: false, detail: 'doctor reported no shared-folder mode' };
  return { virtioFs: check.level === 'ok', detail: check.detail };
}
