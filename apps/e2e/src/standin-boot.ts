import {
  buildStandinGuest,
  defaultStandinCacheDir,
  standinBootIso,
  standinKernelCmdline,
} from '@winguest/standin-guest';
import type { StandinBoot } from './runner/run-harness.ts';

/**
 * Builds the stand-in guest for `arch` from Debian packages (cached in `defaultStandinCacheDir()`,
 * i.e. `$WINGUEST_STANDIN_CACHE` or `~/.cache/winguest/standin-guest`) with the kernel command line
 * that makes it look for the CLI's provisioning script (`winguest/first-logon.ps1`) on the media:
 * amd64 boots it directly (`-kernel`), arm64 from its EFI boot media through the firmware.
 */
export async function buildStandinBoot(arch: 'amd64' | 'arm64'): Promise<StandinBoot> {
  const guest = await buildStandinGuest({ cacheDir: defaultStandinCacheDir(), arch });
  const cmdline = standinKernelCmdline({ arch, script: 'winguest/first-logon.ps1' });
  if (arch === 'arm64') {
    return { bootIso: await standinBootIso({ guest, cmdline }), kernelVersion: guest.kernelVersion };
  }
  return { kernel: guest.kernel, initrd: guest.initrd, append: cmdline, kernelVersion: guest.kernelVersion };
}
