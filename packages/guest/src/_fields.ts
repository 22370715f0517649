import { answerFileSpecSchema } from '@winguest/answerfile';
import { provisionSpecSchema } from '@winguest/provision-scripts';
import { vmSpecSchema } from '@winguest/qemu-args';
import { upOptionsSchema } from '@winguest/vm/up-options';

/**
 * Fields with a default keep their wrapper: a check chained after `.default()` (the time zone's,
 * the computer name's) lives on the wrapper, and `unwrap()` would drop it.
 *
 * The fields the guest description borrows from the packages that own them: their types, bounds,
 * checks and messages come from there, so a bound changes in one place. Internal.
 */
const answer = answerFileSpecSchema.in.shape;
const locale = answer.locale.unwrap().shape;
const account = answer.identity.shape.accounts.element.shape;
const edition = answer.edition.unwrap();
const openssh = provisionSpecSchema.shape.openssh.unwrap().shape;
const vmSpec = vmSpecSchema.shape;

export const fields = {
  family: answer.target.unwrap().shape.family,
  arch: vmSpec.arch,
  firmware: vmSpec.firmware,
  /** Edition selectors (name, index, description); the product key is a field of its own. */
  editionSelector: edition.omit({ productKey: true }),
  productKey: edition.shape.productKey.unwrap(),
  computerName: answer.identity.shape.computerName,
  timeZone: locale.timeZone,
  uiLanguage: locale.uiLanguage,
  userName: account.name,
  sshPort: openssh.port,
  sshStrategy: openssh.strategy,
  sshShell: provisionSpecSchema.shape.defaultShell.unwrap().shape.shell,
  cpus: vmSpec.cpus,
  memoryMiB: vmSpec.memoryMiB,
  secureBoot: vmSpec.secureBoot,
  tpm: vmSpec.tpm,
  nic: vmSpec.network.unwrap().shape.model.unwrap(),
  hostPort: vmSpec.network.unwrap().shape.ssh.unwrap(),
  accelerator: upOptionsSchema.shape.accelerator,
  stageTimeouts: upOptionsSchema.shape.timeouts.unwrap(),
} as const;
