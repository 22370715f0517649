import { z } from 'zod';
import { E2eError, formatIssues } from '../errors.ts';

const doctorSchema = z.object({
  ready: z.boolean(),
  checks: z.array(z.looseObject({ name: z.string(), level: z.string(), detail: z.string() })),
});

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
}

/** Reads `winguest doctor --json` output. */
export function parseDoctor(stdout: string): DoctorFacts {
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch {
    throw new E2eError('cli-protocol', `winguest doctor --json printed no JSON: ${stdout.slice(0, 200)}`);
  }
  const parsed = doctorSchema.safeParse(json);
  if (!parsed.success) {
    throw new E2eError('cli-protocol', `winguest doctor --json: ${formatIssues(parsed.error.issues)}`);
  }
  const { ready, checks } = parsed.data;
  const accel = checks.find((c) => c.name === 'accelerator');
  const proven = accel?.level === 'ok' ? /^(kvm|hvf|whpx)\b/.exec(accel.detail)?.[1] : undefined;
  const qemu = checks.find((c) => c.name.startsWith('QEMU ') && c.level === 'ok');
  return {
    ready,
    accelerator: proven ?? 'tcg',
    acceleratorDetail: accel?.detail ?? 'doctor reported no accelerator check (QEMU missing?)',
    qemuVersion: qemu ? /version (\S+)/.exec(qemu.detail)?.[1] : undefined,
    failures: checks.filter((c) => c.level === 'fail').map((c) => `${c.name}: ${c.detail}`),
  };
}
