import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CommandContext } from '../command';
import { configOverrides } from '../config/config-options';
import type { Config } from '../config/config-schema';
import { resolveConfig } from '../config/resolve-config';
import { CliError } from '../errors';
import { readSecretFile } from '../read-secret';
import { issueLines } from '../report-error';
import { generatePassword } from '../secrets';
import { findSshKey } from '../ssh-key';
import { type GuestPlan, planGuest } from './guest-plan';
import { checkMedia, type MediaFacts } from './media-check';

/** Everything a build needs, resolved and validated, before anything is written. */
export interface PreparedBuild {
  config: Config;
  configPath: string | undefined;
  arch: 'amd64' | 'arm64';
  password: { value: string; source: 'WINGUEST_PASSWORD' | 'file' | 'generated' };
  sshKey: { key: string; source: string } | undefined;
  media: MediaFacts | undefined;
  guest: GuestPlan;
  answerXml: string;
  provisionScript: string;
  /** The image name the answer file selects (the family default when none was configured). */
  editionName: string;
  /** Every public key authorised in the guest (the user's and, for `up`, the instance's). */
  authorizedKeys: string[];
}

/** The config (file + flags) and, with an ISO, the media checked against it. */
export type Target = Awaited<ReturnType<typeof resolveTarget>>;

/** The config (file + flags) and, with an ISO, the media checked against it. */
export async function resolveTarget(context: CommandContext) {
  const { config, path } = await resolveConfig(
    typeof context.values.config === 'string' ? context.values.config : undefined,
    context.cwd,
    configOverrides(context.values),
  );
  const isoPath = config.media.iso ? resolve(context.cwd, config.media.iso) : undefined;
  const media = isoPath ? await checkMedia(isoPath, config) : undefined;
  const arch: 'amd64' | 'arm64' = config.arch ?? media?.arch ?? 'amd64';
  return { config, path, media, arch };
}

/**
 * Reads config, secrets, key and media, then renders the answer file and the provisioning script.
 * `extraKeys` are authorised too (e.g. the key `winguest up` made for the instance).
 */
export async function prepareBuild(
  context: CommandContext,
  target?: Target,
  extraKeys: readonly string[] = [],
): Promise<PreparedBuild> {
  const { config, path, media, arch } = target ?? (await resolveTarget(context));
  const password = await resolvePassword(config, context);
  const sshKey = await findSshKey(config.ssh.publicKey);
  const msi = config.media.opensshMsi ? resolve(context.cwd, config.media.opensshMsi) : undefined;
  const authorizedKeys = [...(sshKey ? [sshKey.key] : []), ...extraKeys];
  const guest = planGuest({
    config,
    arch,
    password: password.value,
    sshKeys: authorizedKeys,
    edition: media?.edition ?? configuredEdition(config),
    opensshMsiSha256: msi ? await sha256(msi) : undefined,
  });
  const [{ renderAnswerFile, resolveAnswerFileSpec }, { renderProvisionScript }] = await Promise.all([
    import('@winguest/answerfile'),
    import('@winguest/provision-scripts'),
  ]);
  const answerXml = rethrowWithPrefix('answer', () => renderAnswerFile(guest.answer));
  const provisionScript = rethrowWithPrefix('provision', () => renderProvisionScript(guest.provision));
  const { edition } = resolveAnswerFileSpec(guest.answer);
  const editionName = edition.key === '/IMAGE/NAME' ? edition.value : `${edition.key} ${edition.value}`;
  return {
    config,
    configPath: path,
    arch,
    password,
    sshKey,
    media,
    guest,
    answerXml,
    provisionScript,
    editionName,
    authorizedKeys,
  };
}

function configuredEdition(config: Config): { name: string } | { index: number } | undefined {
  if (config.edition === undefined) return undefined;
  return typeof config.edition === 'string' ? { name: config.edition } : config.edition;
}

async function resolvePassword(config: Config, context: CommandContext): Promise<PreparedBuild['password']> {
  const fromEnv = context.env.WINGUEST_PASSWORD;
  if (fromEnv) return { value: fromEnv, source: 'WINGUEST_PASSWORD' };
  if (config.user.passwordFile) {
    return { value: await readSecretFile(resolve(context.cwd, config.user.passwordFile)), source: 'file' };
  }
  return { value: generatePassword(), source: 'generated' };
}

async function sha256(path: string): Promise<string> {
  try {
    return createHash('sha256')
      .update(await readFile(path))
      .digest('hex');
  } catch (error) {
    throw new CliError('msi-missing', `media.opensshMsi ${JSON.stringify(path)} cannot be read`, {
      hint: 'point it at the Win32-OpenSSH MSI (OpenSSH-Win64-v….msi), or remove it to install sshd another way',
      cause: error,
    });
  }
}

/** Runs a package renderer; its validation issues become `section.path: message` lines. */
function rethrowWithPrefix<T>(section: string, render: () => T): T {
  try {
    return render();
  } catch (error) {
    const details = error instanceof Error ? issueLines(error, section) : [];
    if (details.length === 0) throw error;
    throw new CliError('invalid-spec', `The ${section} settings are not valid`, {
      details,
      hint: `fix the values under \`${section}:\` (or the fields they come from) in the config`,
      cause: error,
    });
  }
}
