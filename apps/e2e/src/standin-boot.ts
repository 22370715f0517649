import { E2eError } from './errors.ts';
import type { StandinBoot } from './runner/run-harness.ts';

/** Builds the stand-in guest (kernel, initrd, command line) from Debian packages, cached. */
export async function buildStandinBoot(): Promise<StandinBoot> {
  throw new E2eError(
    'invalid-scenario',
    'the stand-in guest (@winguest/standin-guest) is not in this checkout yet',
  );
}
