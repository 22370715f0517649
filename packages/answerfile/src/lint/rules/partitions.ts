import { childOf, type XmlElement } from '../../parse/model';
import type { LintContext, LintRule } from '../lint-types';
import { setupPage } from '../references';
import { integerOf, isTrue, select, settingsIn, trimmed, windowsSetup } from '../select';

/** A Disk of DiskConfiguration with its created partitions sorted by Order. */
export interface DiskFacts {
  disk: XmlElement;
  diskId: number | undefined;
  created: XmlElement[];
  style: 'gpt' | 'mbr' | undefined;
}

/** The upper-cased Type of a CreatePartition ('' when missing). */
export function typeOf(partition: XmlElement): string {
  return (trimmed(childOf(partition, 'Type')) ?? '').toUpperCase();
}

/** The disks of every windowsPE DiskConfiguration, with the partition style the firmware implies. */
export function disksOf(context: LintContext): DiskFacts[] {
  return settingsIn(context, windowsSetup, 'DiskConfiguration', 'Disk').map((disk) => {
    const created = select([disk], 'CreatePartitions', 'CreatePartition');
    created.sort((a, b) => (integerOf(a, 'Order') ?? 0) - (integerOf(b, 'Order') ?? 0));
    const hasGptTypes = created.some((p) => ['EFI', 'MSR'].includes(typeOf(p)));
    const firmware = context.options.firmware;
    const style = firmware === 'uefi' ? 'gpt' : firmware === 'bios' ? 'mbr' : hasGptTypes ? 'gpt' : undefined;
    return { disk, diskId: integerOf(disk, 'DiskID'), created, style };
  });
}

export const partitionOrder: LintRule = {
  id: 'partition-order',
  summary: 'CreatePartition Orders run 1..n; ModifyPartition Orders are unique.',
  reference: setupPage('DiskConfiguration/Disk/CreatePartitions/CreatePartition/Order'),
  check(context) {
    for (const { disk, created } of disksOf(context)) {
      const orders = created.map((p) => integerOf(p, 'Order'));
      if (created.length > 0 && orders.some((order, index) => order !== index + 1)) {
        const shown = created.map((p) => trimmed(childOf(p, 'Order')) ?? '?').join(', ');
        context.report(
          childOf(disk, 'CreatePartitions') ?? disk,
          'error',
          `CreatePartition Orders are ${shown}; number them 1 to ${created.length} without gaps or repeats.`,
        );
      }
      const seen = new Set<number>();
      for (const modify of select([disk], 'ModifyPartitions', 'ModifyPartition')) {
        const order = integerOf(modify, 'Order');
        if (order !== undefined && seen.has(order))
          context.report(
            modify,
            'error',
            `ModifyPartition Order ${order} appears twice; Orders must be unique.`,
          );
        if (order !== undefined) seen.add(order);
      }
    }
  },
};

export const partitionSize: LintRule = {
  id: 'partition-size',
  summary: 'Each CreatePartition has Size or Extend=true (not both); only the last extends.',
  reference: setupPage('DiskConfiguration/Disk/CreatePartitions/CreatePartition/Size'),
  check(context) {
    for (const { created } of disksOf(context)) {
      created.forEach((partition, index) => {
        const extend = isTrue(partition, 'Extend');
        const size = childOf(partition, 'Size');
        if (extend && size)
          context.report(partition, 'error', 'CreatePartition has both Size and Extend=true; keep one.');
        if (!extend && !size)
          context.report(partition, 'error', 'CreatePartition has neither Size nor Extend=true; give one.');
        if (extend && index < created.length - 1)
          context.report(
            partition,
            'error',
            'CreatePartition extends over the rest of the disk but is not the last; later partitions get no space.',
          );
      });
    }
  },
};

export const partitionType: LintRule = {
  id: 'partition-type',
  summary: 'Partition types fit the disk style: no EFI/MSR on MBR, EFI and MSR present on GPT, one Active.',
  reference: setupPage('DiskConfiguration/Disk/CreatePartitions/CreatePartition/Type'),
  check(context) {
    for (const { disk, created, style } of disksOf(context)) {
      if (created.length === 0) continue;
      const types = created.map(typeOf);
      const actives = select([disk], 'ModifyPartitions', 'ModifyPartition').filter((m) =>
        isTrue(m, 'Active'),
      );
      if (style === 'mbr') {
        for (const p of created.filter((p) => ['EFI', 'MSR'].includes(typeOf(p)))) {
          context.report(
            p,
            'error',
            `A ${typeOf(p)} partition on an MBR (BIOS) disk makes Setup abort; use a Primary partition.`,
          );
        }
      }
      if (style === 'gpt') {
        for (const missing of ['EFI', 'MSR'].filter((t) => !types.includes(t))) {
          context.report(
            disk,
            'error',
            `The GPT (UEFI) disk has no ${missing} partition; create one (EFI 100 MB, or 260 MB on 4Kn disks; MSR 16 MB).`,
          );
        }
        for (const active of actives)
          context.report(
            active,
            'warning',
            'Active applies to MBR disks only; remove it on a GPT (UEFI) disk.',
          );
      }
      if (actives.length > 1)
        context.report(
          actives[1] ?? disk,
          'warning',
          `${actives.length} partitions are marked Active; a disk has one active partition, the one it boots from: keep Active on the System partition only.`,
        );
    }
  },
};
