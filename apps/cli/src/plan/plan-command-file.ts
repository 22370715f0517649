import type { HostPlan } from '@winguest/guest';
import type { CommandFile, CommandFileShell } from '@winguest/qemu-args';
import type { CommandContext } from '../command';
import type { Target } from './prepare-build';

/** Probes the host once (qemu-args' probe, its verdicts cached per boot) and has @winguest/guest plan the build folder's command file. */
export async function planBuildCommand(
  context: CommandContext,
  target: Target,
  shell: CommandFileShell,
): Promise<{ host: HostPlan; file: CommandFile }> {
  const { config, arch, media } = target;
  const [{ planCommandFile, planHost }, { defaultProbeCacheDir, probeHost }] = await Promise.all([
    import('@winguest/guest'),
    import('@winguest/qemu-args/probe'),
  ]);
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
  });
  return { host, file };
}
