import { describe, expect, test } from 'vitest';
import { minimalSpec } from '../__fixtures__/specs';
import { type AnswerFileSpec, parseAnswerFile, renderAnswerFile, type XmlElement } from '../index';
import { walk } from '../parse/model';

function diskOf(spec: Partial<AnswerFileSpec>) {
  const { root } = parseAnswerFile(renderAnswerFile({ ...minimalSpec, ...spec }));
  const elements = [...walk(root)];
  const summary = (e: XmlElement) =>
    e.children
      .filter((c) => c.children.length === 0)
      .map((c) => `${c.name}=${c.text}`)
      .join(' ');
  return {
    create: elements.filter((e) => e.name === 'CreatePartition').map(summary),
    modify: elements.filter((e) => e.name === 'ModifyPartition').map(summary),
    disk: summary(elements.find((e) => e.name === 'Disk') as XmlElement),
    installTo: summary(elements.find((e) => e.name === 'InstallTo') as XmlElement),
  };
}

describe('disk layout follows the firmware', () => {
  test('UEFI: GPT with EFI 100, MSR 16, Windows extending; installs to partition 3', () => {
    const disk = diskOf({ target: { firmware: 'uefi' } });
    expect(disk.create).toEqual([
      'Order=1 Size=100 Type=EFI',
      'Order=2 Size=16 Type=MSR',
      'Extend=true Order=3 Type=Primary',
    ]);
    expect(disk.modify).toEqual([
      'Format=FAT32 Label=System Order=1 PartitionID=1',
      'Order=2 PartitionID=2',
      'Format=NTFS Label=Windows Letter=C Order=3 PartitionID=3',
    ]);
    expect(disk.installTo).toBe('DiskID=0 PartitionID=3');
  });

  test('BIOS: MBR with an active 350 MB System partition; installs to partition 2', () => {
    const disk = diskOf({ target: { firmware: 'bios' } });
    expect(disk.create).toEqual(['Order=1 Size=350 Type=Primary', 'Extend=true Order=2 Type=Primary']);
    expect(disk.modify).toEqual([
      'Active=true Format=NTFS Label=System Order=1 PartitionID=1',
      'Format=NTFS Label=Windows Letter=C Order=2 PartitionID=2',
    ]);
    expect(disk.installTo).toBe('DiskID=0 PartitionID=2');
  });

  test.each([
    ['uefi', 'de94bba4-06d1-4d40-a16a-bfd50179d6ac', 'DiskID=0 PartitionID=4'],
    ['bios', '0x27', 'DiskID=0 PartitionID=3'],
  ] as const)('%s recovery partition: TypeID %s before Windows', (firmware, typeId, installTo) => {
    const disk = diskOf({ target: { firmware }, disk: { recovery: { sizeMb: 750 } } });
    expect(disk.create.at(-2)).toMatch(/Size=750 Type=Primary$/);
    expect(disk.modify.at(-2)).toMatch(new RegExp(`Format=NTFS Label=Recovery .* TypeID=${typeId}$`));
    expect(disk.installTo).toBe(installTo);
  });

  test('4Kn disks: ESP of 260 MB', () => {
    expect(diskOf({ disk: { espSizeMb: 260 } }).create[0]).toBe('Order=1 Size=260 Type=EFI');
  });

  test('diskId and wipe go to the Disk and InstallTo', () => {
    const disk = diskOf({ disk: { diskId: 2, wipe: false } });
    expect(disk.disk).toBe('DiskID=2 WillWipeDisk=false');
    expect(disk.installTo).toBe('DiskID=2 PartitionID=3');
  });
});
