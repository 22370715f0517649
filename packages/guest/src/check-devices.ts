import { requiredDrivers, virtioWinDrivers, virtioWinFolder } from '@winguest/install-media';
import { guestDevices, isWindowsGuest } from './devices';
import type { GuestIssue } from './errors';
import type { Guest } from './guest-schema';

const fix =
  'set media.drivers to a virtio-win ISO (or its extracted folder, or your own driver folder), or choose an in-box device (disk bus sata or nvme, network model e1000e on amd64)';

/**
 * The devices of a Windows guest that need a driver Windows lacks, when the description names no
 * driver media: one issue per device, naming the virtio-win folder it needs (e.g.
 * `viostor/2k25/amd64`) and the fix. With `arch` (known once the ISO is read) the defaults count
 * too (arm64's virtio-net); without it only what the description asks for. Whether the media
 * hold the folders is checked when they are read (`readDriverMedia`). Pure.
 */
export function checkDevices(guest: Guest, arch?: 'amd64' | 'arm64'): GuestIssue[] {
  if (guest.media.drivers || !isWindowsGuest(guest)) return [];
  const { vm } = guest;
  const effective = arch ? guestDevices(guest, arch) : undefined;
  const asked = [
    { path: 'vm.disk.bus', value: effective?.diskBus ?? vm.disk.bus, key: 'diskBus' },
    { path: 'vm.network.model', value: effective?.networkModel ?? vm.network.model, key: 'networkModel' },
    { path: 'vm.guestAgent', value: vm.guestAgent, key: 'guestAgent' },
  ] as const;
  const folderArch = arch ?? guest.arch ?? 'amd64';
  return asked.flatMap(({ path, value, key }) =>
    requiredDrivers({ [key]: value }).map((folder) => {
      const device = virtioWinDrivers.find((d) => d.folder === folder)?.device ?? folder;
      const folderName = virtioWinFolder(folder, guest.family, folderArch);
      return {
        path,
        value,
        message: `${JSON.stringify(value)} needs the ${device} driver ${folderName} from virtio-win, and no driver media are given: ${fix}`,
      };
    }),
  );
}
