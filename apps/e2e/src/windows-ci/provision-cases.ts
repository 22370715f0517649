import { cidataLayout, type IsoLayout } from '@winguest/cidata-iso';
import {
  type ProgressStatus,
  type ProvisionSpecInput,
  renderProvisionScript,
} from '@winguest/provision-scripts';
import type { RunExpectation } from './progress-verdict.ts';

/** How the Windows CI job gets sshd: the strategies that can run on a hosted Windows runner. */
export type CiOpensshStrategy = 'msi' | 'capability' | 'builtin';

/**
 * The runs of the first-logon script the Windows CI job makes: `provision` (every step that can run
 * on a runner, twice: the second run must change nothing), `failing-step` (a user step throws
 * before secrets-cleanup), `bad-hash` (the guest-agent MSI on the media is not the one named) and
 * `shared-folders` (WinFsp installed, virtiofs registered with WinFsp.Launcher and the startup
 * task; with no virtio-fs device on a runner the share cannot mount, and the step must fail saying so).
 */
export const ciCases = ['provision', 'failing-step', 'bad-hash', 'shared-folders'] as const;
export type CiCase = (typeof ciCases)[number];

/** What the job knows before it builds the media. */
export interface CiMediaInput {
  strategy: CiOpensshStrategy;
  /** The port sshd must listen on (not 22, so the port rewrite is exercised). */
  port: number;
  /** The runner's account: an administrator, so its key goes to administrators_authorized_keys. */
  user: string;
  /** The public key line the job logs in with. */
  publicKey: string;
  /** The downloaded Win32-OpenSSH MSI and its pinned SHA-256 (strategy `msi`). */
  msi?: { path: string; sha256: string } | undefined;
  /** The downloaded WinFsp MSI and its pinned SHA-256 (case `shared-folders`). */
  winfsp?: { path: string; sha256: string } | undefined;
}

/** The media folder's content. */
export interface CiMedia {
  layout: IsoLayout;
}

/** The steps before the user step, in the order the script runs them. */
const builtInSteps = ['power', 'openssh', 'authorized-keys', 'default-shell'];
/** The script's name on the media: the one `winguest build` gives it (the launcher runs it). */
export const ciScriptName = 'first-logon.ps1';
const opensshMsi = 'openssh/OpenSSH-Win64.msi';
const userStep = { name: 'user-step', path: 'steps/user-step.ps1' };
const failingStep = { name: 'planted-failure', path: 'steps/planted-failure.ps1' };
// A user step proves it ran by leaving a file the job checks; the failing one throws.
const userStepScript =
  "\uFEFFSet-Content -LiteralPath (Join-Path -Path $env:ProgramData -ChildPath 'winguest\\user-step.ran') -Value 'ran'\n";
const failingStepScript = "\uFEFFthrow 'planted failure for the Windows CI job'\n";
const fakeAgentMsi = 'guest-agent/qemu-ga-x86_64.msi';
const winfspMsi = 'winfsp/winfsp.msi';
const standInVirtiofs = 'virtio/virtiofs.exe';

/**
 * The provisioning spec and media for one case, laid out by `cidataLayout` exactly as `winguest
 * build` lays out the cidata ISO (the answer file is a placeholder: Setup is not what runs here).
 */
export function ciMedia(kind: CiCase, input: CiMediaInput): CiMedia {
  const openssh: NonNullable<ProvisionSpecInput['openssh']> =
    input.strategy === 'msi' && input.msi
      ? { strategy: 'msi', port: input.port, msi: { path: opensshMsi, sha256: input.msi.sha256 } }
      : { strategy: input.strategy, port: input.port };
  if (input.strategy === 'msi' && !input.msi)
    throw new Error('strategy "msi" needs --msi <path> --sha256 <hex>');
  const base: ProvisionSpecInput = {
    serialPort: false,
    power: {
      passwordNeverExpires: [input.user],
      enableRdp: true,
      pauseWindowsUpdate: true,
      pauseDefenderScans: true,
    },
    openssh,
    authorizedKeys: { keys: [input.publicKey] },
    defaultShell: { shell: 'powershell' },
  };
  const files: Record<string, string | { path: string }> = {};
  let spec: ProvisionSpecInput;
  if (kind === 'provision') {
    spec = { ...base, userSteps: [userStep], secretsCleanup: {} };
    files[userStep.path] = userStepScript;
  } else if (kind === 'failing-step') {
    spec = { ...base, userSteps: [failingStep], secretsCleanup: {} };
    files[failingStep.path] = failingStepScript;
  } else if (kind === 'shared-folders') {
    if (!input.winfsp) throw new Error('case "shared-folders" needs --winfsp <path> --winfsp-sha256 <hex>');
    spec = {
      serialPort: false,
      sharedFolders: {
        mode: 'virtio-fs',
        winfspMsi: { path: winfspMsi, sha256: input.winfsp.sha256 },
        virtiofsExe: standInVirtiofs,
        shares: [{ tag: 'ci-share', driveLetter: 'Y' }],
      },
    };
    files[winfspMsi] = { path: input.winfsp.path };
    files[standInVirtiofs] = 'stands in for virtio-win virtiofs.exe: copied and registered, never started\n';
  } else {
    spec = {
      serialPort: false,
      guestAgent: { msi: { path: fakeAgentMsi, sha256: '0'.repeat(64) } },
      secretsCleanup: {},
    };
    files[fakeAgentMsi] = 'not the guest agent\n';
  }
  if (input.strategy === 'msi' && input.msi && kind !== 'bad-hash')
    files[opensshMsi] = { path: input.msi.path };
  files[ciScriptName] = renderProvisionScript(spec);
  const layout = cidataLayout({
    answerFile: '<unattend xmlns="urn:schemas-microsoft-com:unattend"/>\n',
    files,
  });
  return { layout };
}

/**
 * What run `run` (1 or 2) of a case must report. The first provisioning run changes the runner
 * (the job planted the answer-file copies secrets-cleanup removes); the second changes nothing,
 * except the user step, which runs every time by design. The failing cases run on a provisioned
 * runner: the steps before the failure are already as wanted, and nothing runs after it.
 */
export function ciExpectation(kind: CiCase, run: 1 | 2): RunExpectation {
  const changed: readonly ProgressStatus[] = run === 1 ? ['ok'] : ['skip'];
  if (kind === 'shared-folders') {
    return {
      steps: [{ step: 'shared-folders', outcome: ['fail'] }],
      end: {
        failStep: 'shared-folders',
        message: 'Is a vhost-user-fs-pci device with this tag attached to the VM?',
      },
    };
  }
  if (kind === 'bad-hash') {
    return {
      steps: [{ step: 'guest-agent', outcome: ['fail'] }],
      end: { failStep: 'guest-agent', message: `expected ${'0'.repeat(64)}` },
    };
  }
  const before = builtInSteps.map((step) => ({
    step,
    // power may find hibernation or the networks as wanted already on a runner.
    outcome:
      kind === 'failing-step'
        ? (['skip'] as const)
        : step === 'power' && run === 1
          ? (['ok', 'skip'] as const)
          : changed,
  }));
  if (kind === 'failing-step') {
    return {
      steps: [...before, { step: failingStep.name, outcome: ['fail'] }],
      end: { failStep: failingStep.name, message: 'planted failure for the Windows CI job' },
    };
  }
  return {
    steps: [
      ...before,
      { step: userStep.name, outcome: ['ok'] },
      { step: 'secrets-cleanup', outcome: changed },
    ],
    end: { ready: true },
  };
}
