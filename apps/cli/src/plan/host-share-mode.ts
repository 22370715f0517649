import type { CommandContext } from '../command';

/** How this host can share folders with a guest (probed once per command); said on stderr unless virtio-fs. */
export async function hostShareMode(context: CommandContext): Promise<'virtio-fs' | 'smb' | 'none'> {
  const { chooseShareMode, probeSmbd, probeVirtiofsd } = await import('@winguest/qemu-args/probe');
  const choice = chooseShareMode(await probeVirtiofsd({ env: context.env }), probeSmbd());
  if (choice.mode !== 'virtio-fs') context.out.info(`shared folders: ${choice.mode} (${choice.reason})`);
  return choice.mode;
}
