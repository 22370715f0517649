import type { QmpClient } from '@winguest/qmp';

/**
 * Ejects the media of the given drives (`-drive id=`) and checks with `query-block` that none is
 * still inserted. The eject names each drive's device by the QOM path `query-block` reports: on
 * amd64 that is the `ide-cd` itself, but a `usb-storage` device (arm64) hands its drive to a SCSI
 * CD-ROM child it creates, so ejecting by its own id fails ("Device does not have a block device
 * backend") while the child's path works, like ejecting a real USB CD drive.
 * Returns the drives that still hold a medium (none when the eject worked).
 */
export async function ejectMedia(qmp: QmpClient, drives: readonly string[]): Promise<string[]> {
  const blocks = await qmp.execute('query-block');
  for (const drive of drives) {
    const id = blocks.find((block) => block.device === drive)?.qdev ?? drive;
    await qmp.execute('eject', { id, force: true });
  }
  const after = await qmp.execute('query-block');
  return after.filter((block) => drives.includes(block.device) && block.inserted).map((b) => b.device);
}
