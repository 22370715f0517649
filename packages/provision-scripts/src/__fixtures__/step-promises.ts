/** A Windows CI check: a `Test-Promise -Id` in one of the job's scripts, or a step of its workflow. */
export type WindowsProof =
  | { script: 'check-provisioned.ps1' | 'check-failed.ps1'; id: string }
  | { workflowStep: string };

/** One behaviour the first-logon script promises, and where a real Windows proves it. */
export interface StepPromise {
  /** The step (its progress-line name), `user steps`, or `every run` for the script as a whole. */
  step: string;
  promise: string;
  /** The check in .github/workflows/windows-provision.yml, or why a hosted runner cannot make it. */
  windows: WindowsProof | { gap: string };
}

const provisioned = (id: string): WindowsProof => ({ script: 'check-provisioned.ps1', id });
const failed = (id: string): WindowsProof => ({ script: 'check-failed.ps1', id });

/**
 * The table docs/proof.md summarises: every promise of every step, mapped to the Windows CI check
 * that proves it (step-promises.test.ts holds each check to exist).
 */
export const stepPromises: StepPromise[] = [
  { step: 'power', promise: 'hibernation off', windows: provisioned('hibernation-off') },
  {
    step: 'power',
    promise: 'never sleeps, display never off (AC and DC)',
    windows: provisioned('never-sleep'),
  },
  {
    step: 'power',
    promise: 'no network left in the Public category',
    windows: provisioned('no-public-network'),
  },
  {
    step: 'power',
    promise: "the named users' passwords never expire",
    windows: provisioned('password-never-expires'),
  },
  {
    step: 'power',
    promise: 'enableRdp: RDP allowed and its firewall rules on',
    windows: provisioned('rdp-enabled'),
  },
  {
    step: 'power',
    promise: 'pauseWindowsUpdate: NoAutoUpdate policy',
    windows: provisioned('windows-update-paused'),
  },
  {
    step: 'power',
    promise: 'pauseDefenderScans: no scheduled scans',
    windows: provisioned('defender-scans-off'),
  },
  {
    step: 'guest-agent',
    promise: 'an MSI whose SHA-256 differs is refused before msiexec runs',
    windows: failed('msi-hash-before-msiexec'),
  },
  {
    step: 'guest-agent',
    promise: 'QEMU-GA installed, automatic and running',
    windows: { gap: 'qemu-ga needs the virtio-serial port of a QEMU VM; no e2e check exists yet' },
  },
  { step: 'openssh', promise: 'sshd running and Automatic', windows: provisioned('sshd-running-automatic') },
  {
    step: 'openssh',
    promise: 'sshd comes from the chosen strategy (MSI, capability, built-in)',
    windows: provisioned('sshd-from-strategy'),
  },
  {
    step: 'openssh',
    promise: 'sshd listens on the chosen port',
    windows: provisioned('sshd-listens-on-port'),
  },
  {
    step: 'openssh',
    promise: 'firewall rule OpenSSH-Server-In-TCP allows the port inbound',
    windows: provisioned('firewall-rule'),
  },
  {
    step: 'authorized-keys',
    promise: 'administrators_authorized_keys grants exactly SYSTEM and Administrators',
    windows: provisioned('admin-keys-acl'),
  },
  {
    step: 'authorized-keys',
    promise: 'administrators_authorized_keys is UTF-8 without BOM and holds the keys',
    windows: provisioned('admin-keys-utf8'),
  },
  {
    step: 'authorized-keys',
    promise: 'an administrator logs in with the key; the command exit code comes back',
    windows: provisioned('ssh-login-exit-code'),
  },
  {
    step: 'authorized-keys',
    promise: "a non-administrator's keys in their own ~/.ssh/authorized_keys (profile created)",
    windows: { gap: 'the job logs in as the runner administrator only' },
  },
  {
    step: 'default-shell',
    promise: 'HKLM\\SOFTWARE\\OpenSSH\\DefaultShell is the full path of the shell',
    windows: provisioned('default-shell-registry'),
  },
  {
    step: 'default-shell',
    promise: 'SSH commands run in that shell',
    windows: provisioned('default-shell-session'),
  },
  {
    step: 'shared-folders',
    promise: 'WinFsp installed from the verified MSI',
    windows: failed('winfsp-installed'),
  },
  {
    step: 'shared-folders',
    promise: 'virtiofs.exe copied to %ProgramFiles%\\winguest',
    windows: failed('virtiofs-copied'),
  },
  {
    step: 'shared-folders',
    promise: 'virtiofs.exe is registered with WinFsp.Launcher as fsreg.bat registers it (-t %1 -m %2)',
    windows: failed('virtiofs-launcher'),
  },
  {
    step: 'shared-folders',
    promise: 'a startup task remounts every share at its letter',
    windows: failed('virtiofs-startup-task'),
  },
  {
    step: 'shared-folders',
    promise: 'a share that does not mount fails the step naming the missing device',
    windows: {
      workflowStep:
        'shared-folders installs WinFsp and registers virtiofs, then fails naming the missing device',
    },
  },
  {
    step: 'shared-folders',
    promise: 'each host folder appears as its drive',
    windows: {
      gap: 'needs a vhost-user-fs device, which a hosted runner has not; the stand-in guest proves the host side (vm shares.test.ts)',
    },
  },
  { step: 'user steps', promise: 'each user script runs, in order', windows: provisioned('user-step-ran') },
  {
    step: 'user steps',
    promise: 'a throwing user step fails the run with its message',
    windows: { workflowStep: 'a failing user step stops the run before secrets-cleanup' },
  },
  {
    step: 'secrets-cleanup',
    promise: "Setup's answer-file copies are removed",
    windows: provisioned('panther-cleaned'),
  },
  {
    step: 'secrets-cleanup',
    promise: 'runs only after every other step succeeded',
    windows: failed('cleanup-only-after-success'),
  },
  {
    step: 'every run',
    promise: 'progress lines on stdout and in the log, one start and one outcome per step, then ready',
    windows: { workflowStep: 'run 1 progress lines (parseProgressLine)' },
  },
  {
    step: 'every run',
    promise: 'a second run changes nothing: every step skip',
    windows: { workflowStep: 'run 2 changes nothing (every step skip but the user step)' },
  },
  {
    step: 'every run',
    promise: 'the log is UTF-8 with CRLF and ends with ready',
    windows: provisioned('log-utf8-crlf'),
  },
  {
    step: 'every run',
    promise: 'the done marker is written on success',
    windows: provisioned('done-marker'),
  },
  { step: 'every run', promise: 'the first failure exits 1', windows: failed('fail-exits-1') },
  { step: 'every run', promise: 'no done marker after a failure', windows: failed('fail-no-done-marker') },
];
