import {
  AnswerFileError,
  type AnswerFileSpec,
  renderAnswerFile,
  resolveAnswerFileSpec,
} from '@winguest/answerfile';
import { type CidataLayoutInput, cidataLayout, type IsoLayout, type IsoSource } from '@winguest/cidata-iso';
import {
  InvalidInputError,
  type ProvisionSpecInput,
  renderProvisionScript,
} from '@winguest/provision-scripts';
import { checkShares, needsVirtioFsMedia } from './check-shares';
import { InvalidGuestError } from './errors';
import type { Guest } from './guest-schema';
import { mediaFileNames } from './media-names';
import { type AnswerFileFacts, planAnswerFile } from './plan-answer-file';
import { type ProvisionFacts, planProvision } from './plan-provision';

/** Facts the install media need: the secret, the keys, the media's edition, the MSIs, the drivers. */
export interface MediaFacts extends AnswerFileFacts, ProvisionFacts {
  /** Absolute host path of the OpenSSH MSI, when `media.opensshMsi` is set. */
  opensshMsiPath?: string;
  /** Driver files for `$WinPEDriver$/`, streamed from the driver media (`readDriverMedia`). */
  driverFiles?: CidataLayoutInput['driverFiles'];
  /** The guest agent MSI from the driver media (its SHA-256 is `guestAgentMsiSha256`). */
  guestAgentMsi?: IsoSource;
  /** Absolute host path of the WinFsp MSI (`media.winfspMsi`; its SHA-256 is `winfspMsiSha256`). */
  winfspMsiPath?: string;
  /** virtio-win's `viofs/<os>/<arch>` files by name (virtiofs.exe, viofs.inf, …; `readDriverMedia` with `virtioFs`). */
  virtioFsFiles?: Readonly<Record<string, IsoSource>>;
}

/** Everything that goes on the cidata media, as specs, texts and the ISO layout. */
export interface MediaPlan {
  answer: AnswerFileSpec;
  provision: ProvisionSpecInput;
  /** autounattend.xml (holds the encoded password: write it 0600). */
  answerFile: string;
  /** first-logon.ps1. */
  provisionScript: string;
  /** The image the answer file selects, e.g. `Windows 11 Pro` or `/IMAGE/INDEX 3`. */
  editionName: string;
  /** The cidata ISO's entries, for `writeIso` of @winguest/cidata-iso. */
  layout: IsoLayout;
}

/**
 * Plans and renders the answer file and the provisioning script and lays out the cidata media.
 * Pure: nothing is read (the MSI is referenced by path) or written.
 * @throws InvalidGuestError with the `answer.`/`provision.` paths of every problem.
 */
export function planMedia(guest: Guest, facts: MediaFacts): MediaPlan {
  assertVirtioFsFacts(guest, facts);
  const answer = planAnswerFile(guest, facts);
  const provision = planProvision(guest, facts);
  const resolved = withIssues('answer', AnswerFileError.isInstance, () => resolveAnswerFileSpec(answer));
  const answerFile = renderAnswerFile(answer);
  const provisionScript = withIssues('provision', InvalidInputError.isInstance, () =>
    renderProvisionScript(provision),
  );
  const { key, value } = resolved.edition;
  const files: Record<string, IsoSource> = {
    [mediaFileNames.provisionScript]: provisionScript,
  };
  if (facts.sshKeys.length > 0) files[mediaFileNames.authorizedKeys] = `${facts.sshKeys.join('\n')}\n`;
  if (facts.opensshMsiPath) files[mediaFileNames.opensshMsi] = { path: facts.opensshMsiPath };
  if (facts.guestAgentMsi && facts.guestAgentMsiSha256)
    files[mediaFileNames.guestAgentMsi] = facts.guestAgentMsi;
  if (needsVirtioFsMedia(guest, facts.shareMode)) {
    if (facts.winfspMsiPath) files[mediaFileNames.winfspMsi] = { path: facts.winfspMsiPath };
    for (const [name, source] of Object.entries(facts.virtioFsFiles ?? {}))
      files[`${mediaFileNames.viofsFolder}/${name}`] = source;
  }
  return {
    answer,
    provision,
    answerFile,
    provisionScript,
    editionName: key === '/IMAGE/NAME' ? value : `${key} ${value}`,
    layout: cidataLayout({
      answerFile,
      files,
      ...(facts.driverFiles ? { driverFiles: facts.driverFiles } : {}),
    }),
  };
}

/** Windows virtio-fs shares need WinFsp and viofs on the media: the description's gaps, else the caller's. */
function assertVirtioFsFacts(guest: Guest, facts: MediaFacts): void {
  const issues = checkShares(guest, facts.shareMode, facts.arch);
  if (issues.length > 0) throw new InvalidGuestError(issues);
  if (!needsVirtioFsMedia(guest, facts.shareMode)) return;
  if (!facts.winfspMsiPath || !facts.winfspMsiSha256 || !facts.virtioFsFiles)
    throw new TypeError(
      'virtio-fs shares need winfspMsiPath, winfspMsiSha256 and virtioFsFiles (readDriverMedia with virtioFs)',
    );
}

function withIssues<T>(section: string, owns: (error: unknown) => boolean, run: () => T): T {
  try {
    return run();
  } catch (error) {
    const issues = owns(error)
      ? (error as { issues?: readonly { path: string; message: string }[] }).issues
      : undefined;
    if (!issues) throw error;
    throw new InvalidGuestError(
      issues.map((issue) => ({ path: `${section}.${issue.path}`, message: issue.message })),
    );
  }
}
