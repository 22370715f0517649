import { describe, test } from 'vitest';

/**
 * PENDING: these drive the stand-in Linux guest (`@winguest/standin-guest`, branch
 * tooling/standin-guest), which is not on main yet. Once it is, each becomes a real test with
 * `up({ kernel: { kernel, initrd, append: standinKernelCmdline() }, ssh: { user: 'root' } })`, a cidata ISO
 * written through `writeCidata`, and a check for orphan processes after each.
 */
describe('lifecycle with the stand-in guest', () => {
  test.todo(
    'up installs to ready over real QEMU (TCG): stages in order, reboot counted, media ejected, cidata deleted',
  );
  test.todo('sshExec runs a command in the guest; the host key is recorded in known_hosts');
  test.todo('stop powers the guest off through ACPI; a guest that ignores it is ended after the timeout');
  test.todo('start boots the installed instance without install media (the guest checks) to ready');
  test.todo('Ctrl-C mid-install (stageDelay) leaves the instance installing; the next up resumes to ready');
  test.todo('a guest fail line ends up with guest-failed naming the step');
  test.todo('removeInstance deletes the instance; no process is left');
});
