import type { ShareMode } from '@winguest/qemu-args/probe';
import type { CommandContext } from '../command';

/** How this host can share folders with a guest, and its virtiofsd (probed once per command); said on stderr unless virtio-fs. */
export async function hostShareChoice(context: CommandContext): Promise<ShareMode> {
  const { chooseShareMode, probeSmbd, probeVirtiofsd } = await import('@winguest/qemu-args/probe');
  const choice = chooseShareMode(await probeVirtiofsd({ env: context.env }), probeSmbd());
  if (choice.mode !== 'virtio-fs') context.out.info(`shared folders: ${choice.mode} (${choice.reason})`);
  return choice;
}

/** How this host can share folders with a guest (probed once per command); said on stderr unless virtio-fs. */
export async function hostShareMode(context: CommandContext): Promise<ShareMode['mode']> {
  return (await hostShareChoice(context)).mode;
}
