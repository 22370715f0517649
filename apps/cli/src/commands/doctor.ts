import { arch as hostArch, platform } from 'node:os';
import type { HostCheck as Check, HostReport } from '@winguest/qemu-args/probe';
import type { CommandDefinition } from '../command';
import { shareModeCheck } from './doctor-shares';

type Level = Check['level'];

const install = (debian: string, brew: string, windows: string): string =>
  platform() === 'darwin'
    ? `brew install ${brew}`
    : platform() === 'win32'
      ? windows
      : `sudo apt-get install ${debian}`;

export const doctorCommand: CommandDefinition = {
  name: 'doctor',
  summary: 'Check what this host can do: QEMU, firmware, accelerator, swtpm, shared folders, ISO tools',
  usage: ['doctor [--json]'],
  description: [
    'Each line says what was found and, when something is missing, how to get it. The accelerator',
    'is proven by booting a tiny test guest: a /dev/kvm that exists but does not work is reported as',
    'such. Exit 0 when a Windows guest can be built and booted here (even if only under TCG).',
  ].join('\n'),
  options: { json: { type: 'boolean', description: 'Print the checks as JSON' } },
  examples: [['winguest doctor', 'before the first `winguest up`']],
  async run({ values, out, env }) {
    const report = await runChecks(env);
    const { ready, checks } = report;
    if (values.json) {
      out.json(report);
      return ready ? 0 : 1;
    }
    const paint: Record<Level, (t: string) => string> = {
      ok: out.green,
      warn: out.yellow,
      fail: out.red,
      info: out.dim,
    };
    for (const check of checks) {
      out.line(`${paint[check.level](check.level.padEnd(4))}  ${check.name.padEnd(22)} ${check.detail}`);
      if (check.fix) out.line(`      ${''.padEnd(22)} ${out.dim(`fix: ${check.fix}`)}`);
    }
    out.line(
      ready ? 'ready: this host can build and boot Windows guests' : 'not ready: fix the failed checks above',
    );
    return ready ? 0 : 1;
  },
};

/** The host report `doctor --json` prints (its schema: `hostReportSchema` of @winguest/qemu-args/probe). */
async function runChecks(env: NodeJS.ProcessEnv): Promise<HostReport> {
  const { findExecutable, probeAccelerator, probeFirmware, probeQemu, probeSwtpm } = await import(
    '@winguest/qemu-args/probe'
  );
  const native = hostArch() === 'arm64' ? 'arm64' : 'amd64';
  const other = native === 'amd64' ? 'arm64' : 'amd64';
  const checks: Check[] = [];
  const report: Pick<HostReport, 'accelerator' | 'qemu'> = {
    accelerator: null,
    qemu: { amd64: null, arm64: null },
  };
  const qemuPackage = { amd64: 'qemu-system-x86', arm64: 'qemu-system-arm' } as const;
  const firmwarePackage = { amd64: 'ovmf', arm64: 'qemu-efi-aarch64' } as const;
  for (const arch of [native, other] as const) {
    const required = arch === native;
    const qemu = await probeQemu(arch, { env });
    if (qemu.available)
      report.qemu[arch] = {
        path: qemu.path,
        version: `${qemu.version.major}.${qemu.version.minor}.${qemu.version.micro}`,
      };
    checks.push(
      probeCheck(
        `QEMU ${arch}`,
        required,
        qemu,
        (q) => `${q.path} (${q.versionText})`,
        install(qemuPackage[arch], 'qemu', 'winget install SoftwareFreedomConservancy.QEMU'),
      ),
    );
    const plain = probeFirmware({
      arch,
      secureBoot: false,
      env,
      ...(qemu.available ? { qemuPath: qemu.path } : {}),
    });
    checks.push(
      probeCheck(
        `UEFI firmware ${arch}`,
        required,
        plain,
        (f) => f.firmware.code,
        install(firmwarePackage[arch], 'qemu', 'part of the QEMU installer'),
      ),
    );
    const secure = probeFirmware({
      arch,
      secureBoot: true,
      env,
      ...(qemu.available ? { qemuPath: qemu.path } : {}),
    });
    if (secure.available) {
      const enrolled = secure.firmware.features.includes('enrolled-keys');
      checks.push({
        name: `Secure Boot ${arch}`,
        level: enrolled ? 'ok' : 'warn',
        detail: `${secure.firmware.code}${enrolled ? ' (Microsoft keys enrolled)' : ' (no keys enrolled: Windows 11 needs the bypass)'}`,
      });
    } else {
      checks.push({
        name: `Secure Boot ${arch}`,
        level: 'info',
        detail: `${secure.reason}; Windows 11 then installs with the hardware-check bypass`,
      });
    }
    if (required && qemu.available) {
      const accel = await probeAccelerator({ arch, qemuPath: qemu.path, timeoutMs: 5_000 });
      report.accelerator = {
        accelerator: accel.accelerator,
        proven: accel.accelerator !== 'tcg',
        smm: accel.smm,
        ...(accel.reason ? { reason: accel.reason } : {}),
      };
      checks.push(
        accel.accelerator === 'tcg'
          ? {
              name: 'accelerator',
              level: 'warn',
              detail: `tcg only: ${accel.reason ?? 'no hardware acceleration'} (installs take hours)`,
              fix: 'enable virtualization (KVM: load kvm_intel/kvm_amd, access to /dev/kvm; macOS: HVF; Windows: Windows Hypervisor Platform)',
            }
          : {
              name: 'accelerator',
              level: 'ok',
              detail: `${accel.accelerator} works (test guest ran)${accel.smm ? '' : '; SMM unavailable: no Secure Boot firmware'}`,
            },
      );
    }
  }
  const qemuImg = findExecutable('qemu-img', { env });
  checks.push(
    qemuImg
      ? { name: 'qemu-img', level: 'ok', detail: qemuImg }
      : {
          name: 'qemu-img',
          level: 'fail',
          detail: 'not found (creates the VM disks)',
          fix: install('qemu-utils', 'qemu', 'part of the QEMU installer'),
        },
  );
  const swtpm = await probeSwtpm({ env });
  checks.push(
    swtpm.available
      ? { name: 'swtpm (TPM 2.0)', level: 'ok', detail: `${swtpm.path} ${swtpm.version}` }
      : {
          name: 'swtpm (TPM 2.0)',
          level: 'info',
          detail: `${swtpm.reason}; only needed for vm.tpm`,
          fix: install('swtpm swtpm-tools', 'swtpm', 'not available on Windows hosts; use the bypass'),
        },
  );
  checks.push(await shareModeCheck(env));
  const tools = ['xorriso', 'genisoimage', 'mkisofs'].filter((t) => findExecutable(t, { env }));
  checks.push({
    name: 'ISO writer',
    level: 'ok',
    detail: `built in${tools.length ? `; also found: ${tools.join(', ')}` : ' (no external tool needed)'}`,
  });
  return { ready: !checks.some((c) => c.level === 'fail'), ...report, checks };
}

/** One line from a probe result: ok with its detail, else fail (required) or info, with the fix. */
function probeCheck<T extends object>(
  name: string,
  required: boolean,
  result: ({ available: true } & T) | { available: false; reason: string },
  detail: (found: T) => string,
  fix: string,
): Check {
  if (result.available) return { name, level: 'ok', detail: detail(result as T) };
  return { name, level: required ? 'fail' : 'info', detail: result.reason, fix };
}
