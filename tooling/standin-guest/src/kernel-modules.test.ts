import { describe, expect, test } from 'vitest';
import { StandinGuestError } from './errors.ts';
import { moduleName, resolveModuleLoads } from './kernel-modules.ts';

// An excerpt of the modules.dep that depmod writes for Debian's 6.1 kernel.
const modulesDep = `kernel/drivers/ata/ahci.ko: kernel/drivers/ata/libahci.ko kernel/drivers/ata/libata.ko kernel/drivers/scsi/scsi_mod.ko kernel/drivers/scsi/scsi_common.ko
kernel/drivers/ata/libahci.ko: kernel/drivers/ata/libata.ko kernel/drivers/scsi/scsi_mod.ko kernel/drivers/scsi/scsi_common.ko
kernel/drivers/ata/libata.ko: kernel/drivers/scsi/scsi_mod.ko kernel/drivers/scsi/scsi_common.ko
kernel/drivers/scsi/scsi_mod.ko: kernel/drivers/scsi/scsi_common.ko
kernel/drivers/scsi/scsi_common.ko:
kernel/drivers/scsi/sr_mod.ko: kernel/drivers/scsi/scsi_mod.ko kernel/drivers/scsi/scsi_common.ko kernel/drivers/cdrom/cdrom.ko
kernel/drivers/cdrom/cdrom.ko:
kernel/fs/isofs/isofs.ko: kernel/drivers/cdrom/cdrom.ko
kernel/drivers/nvme/host/nvme-core.ko:
kernel/drivers/nvme/host/nvme.ko: kernel/drivers/nvme/host/nvme-core.ko
`;
const modulesBuiltin = 'kernel/drivers/tty/serial/8250/8250.ko\nkernel/net/packet/af_packet.ko\n';

describe('resolveModuleLoads', () => {
  test('loads every dependency before its user, each once, with the parameters asked for', () => {
    expect(resolveModuleLoads(['ahci', 'sr_mod', 'isofs'], modulesDep, modulesBuiltin)).toEqual([
      { path: 'kernel/drivers/scsi/scsi_common.ko', parameters: '' },
      { path: 'kernel/drivers/scsi/scsi_mod.ko', parameters: 'scan=sync' },
      { path: 'kernel/drivers/ata/libata.ko', parameters: '' },
      { path: 'kernel/drivers/ata/libahci.ko', parameters: '' },
      { path: 'kernel/drivers/ata/ahci.ko', parameters: '' },
      { path: 'kernel/drivers/cdrom/cdrom.ko', parameters: '' },
      { path: 'kernel/drivers/scsi/sr_mod.ko', parameters: '' },
      { path: 'kernel/fs/isofs/isofs.ko', parameters: '' },
    ]);
  });

  test('matches names with dashes (nvme-core is nvme_core) and skips built-in modules', () => {
    expect(resolveModuleLoads(['nvme_core', '8250', 'af_packet'], modulesDep, modulesBuiltin)).toEqual([
      { path: 'kernel/drivers/nvme/host/nvme-core.ko', parameters: '' },
    ]);
  });

  test('names every module the kernel has neither as a file nor built in', () => {
    const error = (() => {
      try {
        resolveModuleLoads(['ahci', 'e1000e', 'virtio_net'], modulesDep, modulesBuiltin);
      } catch (e) {
        return e;
      }
    })();
    expect(StandinGuestError.isInstance(error) && error.code).toBe('module-not-found');
    expect((error as Error).message).toContain('e1000e, virtio_net');
  });

  test.each([
    ['kernel/fs/isofs/isofs.ko', 'isofs'],
    ['kernel/drivers/nvme/host/nvme-core.ko.xz', 'nvme_core'],
    ['kernel/lib/crc64-rocksoft.ko.zst', 'crc64_rocksoft'],
  ])('moduleName(%s) is %s', (path, name) => {
    expect(moduleName(path)).toBe(name);
  });
});
