import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  checkMedia,
  type DriverMediaFacts,
  type Guest,
  type MediaFacts as GuestMediaFacts,
  guestArch,
  InvalidGuestError,
  MediaMismatchError,
  type MediaPlan,
  planMedia,
  type ShareMode,
} from '@winguest/guest';
import { inspectInstallMedia } from '@winguest/install-media';
import type { CommandContext } from '../command';
import { assertReadableIso } from '../commands/media';
import { resolveConfig } from '../config/resolve-config';
import { CliError } from '../errors';
import { assertConfigPaths } from '../io/check-path';
import { rememberPassword } from '../known-secrets';
import { assertUsablePassword, readSecretFile } from '../read-secret';
import { generatePassword } from '../secrets';
import { findSshKey } from '../ssh-key';
import { hostShareMode } from './host-share-mode';
import { invalidGuest, readDeviceDrivers } from './read-device-drivers';

/** The Windows ISO, read and checked against the description. */
export interface MediaFacts {
  path: string;
  label: string;
  arch: 'amd64' | 'arm64' | undefined;
  edition: { name: string };
}

/** Everything a build needs, resolved and validated, before anything is written. */
export interface PreparedBuild {
  config: Guest;
  configPath: string | undefined;
  arch: 'amd64' | 'arm64';
  password: { value: string; source: 'WINGUEST_PASSWORD' | 'file' | 'generated' };
  sshKey: { key: string; source: string } | undefined;
  media: MediaFacts | undefined;
  /** The answer file, provisioning script and cidata layout (from @winguest/guest). */
  plan: MediaPlan;
  /** What the plan was made from (holds the password: never print it). */
  facts: GuestMediaFacts;
  /** The open driver media (`media.drivers`) the layout streams from: `close()` once written. */
  drivers: DriverMediaFacts | undefined;
}

/** The config (file + flags) and, with an ISO, the media checked against it. */
export interface Target {
  config: Guest;
  path: string | undefined;
  media: MediaFacts | undefined;
  arch: 'amd64' | 'arm64';
}

/** Reads the config (file + flags) and, with an ISO, inspects it and checks it against the config. */
export async function resolveTarget(context: CommandContext): Promise<Target> {
  const given = typeof context.values.config === 'string' ? context.values.config : undefined;
  const { config, path } = await resolveConfig(given, context.cwd, context.values, context.out.redactor);
  await assertConfigPaths(config, context.cwd);
  const isoPath = config.media.iso ? resolve(context.cwd, config.media.iso) : undefined;
  const media = isoPath ? await inspectMedia(isoPath, config) : undefined;
  return { config, path, media, arch: guestArch(config, media?.arch) };
}

async function inspectMedia(path: string, config: Guest): Promise<MediaFacts> {
  await assertReadableIso(path);
  const media = await inspectInstallMedia(path);
  try {
    return { path, label: media.label, ...checkMedia(config, media) };
  } catch (error) {
    if (!MediaMismatchError.isInstance(error)) throw error;
    throw new CliError('media-mismatch', `${error.message} (${path})`, {
      details: error.issues.map((issue) => `${issue.path}: ${issue.message}`),
      hint: 'choose an edition, arch and uiLanguage the media has (see `winguest media inspect`)',
    });
  }
}

/**
 * Reads config, secrets, key, install and driver media, then plans the answer file, provisioning
 * and cidata media. Every problem (device drivers, driver media, answer/provision settings) is
 * reported at once, before anything is written. `extraKeys` are authorised too (e.g. the key
 * `winguest up` made for the instance). Close `drivers` once the cidata ISO is written;
 * `withDrivers: false` (the answer file alone) leaves the driver media unread; `shareMode` is the
 * host's, when the caller probed it already (else it is probed here).
 */
export async function prepareBuild(
  context: CommandContext,
  target?: Target,
  extraKeys: readonly string[] = [],
  { withDrivers = true, shareMode: probed }: { withDrivers?: boolean; shareMode?: ShareMode } = {},
): Promise<PreparedBuild> {
  const { config, path, media, arch } = target ?? (await resolveTarget(context));
  const password = await resolvePassword(config, context);
  const sshKey = await findSshKey(config.ssh.publicKey);
  const msi = config.media.opensshMsi ? resolve(context.cwd, config.media.opensshMsi) : undefined;
  const winfsp = config.media.winfspMsi ? resolve(context.cwd, config.media.winfspMsi) : undefined;
  // The answer file alone (`withDrivers: false`) needs no share mode: the media are not planned.
  const shares = withDrivers && config.shares.length > 0;
  const shareMode = shares ? (probed ?? (await hostShareMode(context))) : undefined;
  const { drivers, issues } = withDrivers
    ? await readDeviceDrivers(config, arch, context.cwd, false, shareMode)
    : { drivers: undefined, issues: [] };
  const facts: GuestMediaFacts = {
    password: password.value,
    arch,
    ...(media ? { edition: media.edition } : {}),
    sshKeys: [...(sshKey ? [sshKey.key] : []), ...extraKeys],
    ...(msi ? { opensshMsiPath: msi, opensshMsiSha256: await sha256(msi, 'media.opensshMsi') } : {}),
    ...(winfsp ? { winfspMsiPath: winfsp, winfspMsiSha256: await sha256(winfsp, 'media.winfspMsi') } : {}),
    ...(shareMode ? { shareMode } : {}),
    ...drivers?.facts,
  };
  let plan: MediaPlan | undefined;
  try {
    // With problems already found the plan only adds its own; unread driver media lack the share files.
    const { shareMode: _, ...withoutShares } = facts;
    plan = planMedia(config, issues.length > 0 ? withoutShares : facts);
  } catch (error) {
    if (!InvalidGuestError.isInstance(error)) throw error;
    issues.push(...error.issues);
  }
  if (issues.length > 0 || !plan) {
    await drivers?.close();
    throw invalidGuest(issues);
  }
  return { config, configPath: path, arch, password, sshKey, media, plan, facts, drivers };
}

/**
 * WINGUEST_PASSWORD, else the password file, else a generated one (an empty WINGUEST_PASSWORD
 * counts as unset; one made only of spaces is refused). The output's redactor learns it at once.
 */
async function resolvePassword(config: Guest, context: CommandContext): Promise<PreparedBuild['password']> {
  const password = await choosePassword(config, context);
  rememberPassword(context.out.redactor, password.value);
  return password;
}

async function choosePassword(config: Guest, context: CommandContext): Promise<PreparedBuild['password']> {
  const fromEnv = context.env.WINGUEST_PASSWORD;
  if (fromEnv) {
    assertUsablePassword(fromEnv, 'WINGUEST_PASSWORD');
    return { value: fromEnv, source: 'WINGUEST_PASSWORD' };
  }
  if (config.user.passwordFile) {
    return { value: await readSecretFile(resolve(context.cwd, config.user.passwordFile)), source: 'file' };
  }
  return { value: generatePassword(), source: 'generated' };
}

const msiHints = {
  'media.opensshMsi':
    'point it at the Win32-OpenSSH MSI (OpenSSH-Win64-v….msi), or remove it to install sshd another way',
  'media.winfspMsi': 'point it at the WinFsp MSI (winfsp-2.x.msi), or remove shares',
} as const;

async function sha256(path: string, field: keyof typeof msiHints): Promise<string> {
  try {
    // Loaded here, not at start: only a build with an MSI pays for node:crypto. (Not `import()`:
    // in the bundle a real dynamic import goes through vm's experimental loader, which warns.)
    const { createHash } = process.getBuiltinModule('node:crypto');
    return createHash('sha256')
      .update(await readFile(path))
      .digest('hex');
  } catch (error) {
    throw new CliError('msi-missing', `${field} ${JSON.stringify(path)} cannot be read`, {
      hint: msiHints[field],
      cause: error,
    });
  }
}
