import { childOf } from '../../parse/model';
import type { LintContext, LintRule } from '../lint-types';
import { setupPage } from '../references';
import { integerOf, isTrue, select, settingsIn, windowsSetup } from '../select';
import { type DiskFacts, disksOf, typeOf } from './partitions';

export const partitionReference: LintRule = {
  id: 'partition-reference',
  summary: 'ModifyPartition and InstallTo point at partitions that are created.',
  reference: setupPage('ImageInstall/OSImage/InstallTo'),
  check(context) {
    const disks = disksOf(context);
    for (const { disk, created } of disks) {
      if (created.length === 0) continue;
      for (const modify of select([disk], 'ModifyPartitions', 'ModifyPartition')) {
        const id = integerOf(modify, 'PartitionID');
        if (id !== undefined && (id < 1 || id > created.length)) {
          context.report(
            childOf(modify, 'PartitionID') ?? modify,
            'error',
            `ModifyPartition PartitionID ${id} does not exist; the disk gets ${created.length} partitions (PartitionID is 1-based and counts the MSR).`,
          );
        }
      }
    }
    checkInstallTo(context, disks);
  },
};

function checkInstallTo(context: LintContext, disks: DiskFacts[]): void {
  for (const osImage of settingsIn(context, windowsSetup, 'ImageInstall', 'OSImage')) {
    const installTo = childOf(osImage, 'InstallTo');
    if (installTo && isTrue(osImage, 'InstallToAvailablePartition')) {
      context.report(
        installTo,
        'error',
        'InstallTo and InstallToAvailablePartition=true exclude each other; keep one.',
      );
    }
    if (!installTo || disks.length === 0) continue;
    const diskId = integerOf(installTo, 'DiskID');
    const partitionId = integerOf(installTo, 'PartitionID');
    const target = disks.find((d) => d.diskId === diskId);
    if (!target) {
      context.report(
        installTo,
        'error',
        `InstallTo DiskID ${diskId} is not a Disk of DiskConfiguration (${disks.map((d) => d.diskId).join(', ')}).`,
      );
    } else if (partitionId !== undefined && target.created.length > 0) {
      const partition = target.created[partitionId - 1];
      if (!partition) {
        context.report(
          installTo,
          'error',
          `InstallTo PartitionID ${partitionId} does not exist; disk ${diskId} gets ${target.created.length} partitions (1-based, the MSR counts).`,
        );
      } else if (['EFI', 'MSR'].includes(typeOf(partition))) {
        context.report(
          installTo,
          'error',
          `InstallTo PartitionID ${partitionId} is the ${typeOf(partition)} partition; point it at the Windows partition.`,
        );
      }
    }
  }
}
