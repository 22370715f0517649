import type { ResolvedAnswerFileSpec } from '../spec/answer-file-spec';

/** GPT type of a Windows RE partition; MBR recovery partitions use `0x27`. */
export const recoveryTypeIdGpt = 'de94bba4-06d1-4d40-a16a-bfd50179d6ac';

/** One partition to create and format, in creation order (PartitionID = index + 1). */
export interface PartitionPlan {
  type: 'EFI' | 'MSR' | 'Primary';
  /** Size in MB; absent when the partition extends over the rest of the disk. */
  sizeMb?: number;
  extend?: boolean;
  format?: 'FAT32' | 'NTFS';
  label?: string;
  letter?: string;
  typeId?: string;
  active?: boolean;
}

/** The partitions and the 1-based PartitionID Windows is installed to. */
export interface DiskPlan {
  partitions: PartitionPlan[];
  windowsPartitionId: number;
}

/**
 * The partition layout for the firmware: GPT (EFI, MSR, [recovery], Windows) for UEFI and MBR
 * (active System, [recovery], Windows) for BIOS; Windows always takes the rest of the disk.
 */
export function planDisk({ disk, target }: Pick<ResolvedAnswerFileSpec, 'disk' | 'target'>): DiskPlan {
  const windows: PartitionPlan = {
    type: 'Primary',
    extend: true,
    format: 'NTFS',
    label: 'Windows',
    letter: 'C',
  };
  const recovery = disk.recovery && {
    type: 'Primary' as const,
    sizeMb: disk.recovery.sizeMb,
    format: 'NTFS' as const,
    label: 'Recovery',
    typeId: target.firmware === 'uefi' ? recoveryTypeIdGpt : '0x27',
  };
  const boot: PartitionPlan[] =
    target.firmware === 'uefi'
      ? [
          { type: 'EFI', sizeMb: disk.espSizeMb, format: 'FAT32', label: 'System' },
          { type: 'MSR', sizeMb: 16 },
        ]
      : [{ type: 'Primary', sizeMb: 350, format: 'NTFS', label: 'System', active: true }];
  const partitions = [...boot, ...(recovery ? [recovery] : []), windows];
  return { partitions, windowsPartitionId: partitions.length };
}
