import type { ResolvedAnswerFileSpec } from '../spec/answer-file-spec';
import { type PartitionPlan, planDisk } from './partitions';
import { element, listItem, value, type XmlTree } from './xml-tree';

function createPartition(partition: PartitionPlan, order: number): XmlTree {
  return listItem('CreatePartition', [
    partition.extend ? value('Extend', true) : undefined,
    value('Order', order),
    partition.sizeMb === undefined ? undefined : value('Size', partition.sizeMb),
    value('Type', partition.type),
  ]);
}

function modifyPartition(partition: PartitionPlan, order: number): XmlTree {
  const optional = (name: string, text: string | boolean | undefined) =>
    text === undefined ? undefined : value(name, text);
  return listItem('ModifyPartition', [
    optional('Active', partition.active),
    optional('Format', partition.format),
    optional('Label', partition.label),
    optional('Letter', partition.letter),
    value('Order', order),
    value('PartitionID', order),
    optional('TypeID', partition.typeId),
  ]);
}

/** DiskConfiguration and the InstallTo target of Microsoft-Windows-Setup. */
export function renderDiskConfiguration(spec: ResolvedAnswerFileSpec): { disk: XmlTree; installTo: XmlTree } {
  const { partitions, windowsPartitionId } = planDisk(spec);
  const disk = element(
    'DiskConfiguration',
    listItem('Disk', [
      element('CreatePartitions', ...partitions.map((p, i) => createPartition(p, i + 1))),
      value('DiskID', spec.disk.diskId),
      element('ModifyPartitions', ...partitions.map((p, i) => modifyPartition(p, i + 1))),
      value('WillWipeDisk', spec.disk.wipe),
    ]),
    value('WillShowUI', 'OnError'),
  );
  const installTo = element(
    'InstallTo',
    value('DiskID', spec.disk.diskId),
    value('PartitionID', windowsPartitionId),
  );
  return { disk, installTo };
}
