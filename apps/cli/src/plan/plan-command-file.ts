import { resolve } from 'node:path';
import { type HostPlan, planCommandFile, planHost } from '@winguest/guest';
import type { CommandFile, CommandFileShell } from '@winguest/qemu-args';
import type { ShareMode } from '@winguest/qemu-args/probe';
import type { CommandContext } from '../command';
import type { Target } from './prepare-build';

/**
 * Probes the host once (qemu-args' probe, its verdicts cached per boot) and has @winguest/guest plan
 * the build folder's command file; `shares` is the host's share mode (the one the cidata media
 * were planned for), with shares read from the working directory.
 */
export async function planBuildCommand(
  context: CommandContext,
  target: Target,
  shell: CommandFileShell,
  shares?: ShareMode,
): Promise<{ host: HostPlan; file: CommandFile }> {
  const { config, arch, media } = target;
  const { defaultProbeCacheDir, probeHost } = await import('@winguest/qemu-args/probe');
  const probed = await probeHost({
    arch,
    secureBoot: config.vm.secureBoot,
    tpm: false,
    accelerator: config.vm.accelerator !== 'tcg',
    env: context.env,
    // The QEMU version and accelerator verdict of this boot are reused: a build spawns no test guest.
    cacheDir: defaultProbeCacheDir(context.env),
  });
  const host = planHost(config, arch, probed);
  const file = planCommandFile(config, {
    arch,
    host,
    shell,
    ...(media ? { windowsIso: media.path } : {}),
    ...(shares
      ? {
          shares: {
            mode: shares.mode,
            ...(shares.mode === 'virtio-fs' ? { virtiofsd: shares.virtiofsd } : {}),
            hostPaths: config.shares.map((share) => resolve(context.cwd, share.hostPath)),
          },
        }
      : {}),
  });
  return { host, file };
}
