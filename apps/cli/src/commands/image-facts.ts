import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Guest } from '@winguest/guest';
import type { CommandContext } from '../command';
import { CliError } from '../errors';
import { type PreparedBuild, prepareBuild } from '../plan/prepare-build';

/** What an image records about its guest: family, user and provisioning steps (no secrets). */
export interface ImageGuestFacts {
  family: string;
  users: string[];
  provisioning: string[];
}

function guestFacts(config: Guest, provision: PreparedBuild['plan']['provision']): ImageGuestFacts {
  const steps = Object.entries(provision)
    .filter(([, value]) => typeof value === 'object' && value !== null && !Array.isArray(value))
    .map(([key]) => key);
  const userSteps = (provision.userSteps ?? []).map((step) => step.name);
  return { family: config.family, users: [config.user.name], provisioning: [...steps, ...userSteps] };
}

/** The config's guest facts (the password does not matter here: a generated one is dropped). */
export async function imageGuestFacts(context: CommandContext): Promise<ImageGuestFacts> {
  const prepared = await prepareBuild(context);
  return guestFacts(prepared.config, prepared.plan.provision);
}

/**
 * The answer file for `sysprep /generalize /oobe` and the guest facts. The password comes from
 * WINGUEST_PASSWORD or --password-file, else from the instance's password.txt (written by `up`).
 */
export async function sysprepAnswerFile(
  context: CommandContext,
  instance: string,
): Promise<{ guest: ImageGuestFacts; answerFile: string }> {
  const prepared = await prepareBuild(context);
  const password =
    prepared.password.source === 'generated' ? await instancePassword(instance) : prepared.password.value;
  const [{ planGeneralizedAnswerFile }, { renderGeneralizedAnswerFile }] = await Promise.all([
    import('@winguest/guest'),
    import('@winguest/answerfile'),
  ]);
  const spec = planGeneralizedAnswerFile(prepared.config, { password, arch: prepared.arch });
  return {
    guest: guestFacts(prepared.config, prepared.plan.provision),
    answerFile: renderGeneralizedAnswerFile(spec),
  };
}

async function instancePassword(instance: string): Promise<string> {
  const { instancePaths } = await import('@winguest/vm');
  const file = join(instancePaths(instance).dir, 'password.txt');
  try {
    return (await readFile(file, 'utf8')).split(/\r?\n/)[0] ?? '';
  } catch {
    throw new CliError(
      'password-required',
      `No password for the sysprep answer file: ${file} does not exist`,
      {
        hint: 'set WINGUEST_PASSWORD or pass --password-file with the password the clones should get',
      },
    );
  }
}
