import { buildStandinGuest, defaultStandinCacheDir, standinKernelCmdline } from '@winguest/standin-guest';
import type { StandinBoot } from './runner/run-harness.ts';

/**
 * Builds the stand-in guest from Debian packages (cached in `defaultStandinCacheDir()`, i.e.
 * `$WINGUEST_STANDIN_CACHE` or `~/.cache/winguest/standin-guest`) and the kernel command line that
 * makes it look for the CLI's provisioning script (`winguest/first-logon.ps1`) on the media.
 */
export async function buildStandinBoot(): Promise<StandinBoot> {
  const guest = await buildStandinGuest({ cacheDir: defaultStandinCacheDir() });
  return {
    kernel: guest.kernel,
    initrd: guest.initrd,
    append: standinKernelCmdline({ script: 'winguest/first-logon.ps1' }),
    kernelVersion: guest.kernelVersion,
  };
}
