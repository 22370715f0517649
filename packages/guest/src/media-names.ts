/** Names of the files winguest puts in the provisioning folder of the cidata media. */
export const mediaFileNames = {
  /** The first-logon provisioning script (also written beside the answer file by `build`). */
  provisionScript: 'first-logon.ps1',
  /** The Win32-OpenSSH MSI, when the description names one. */
  opensshMsi: 'OpenSSH.msi',
  /** The QEMU guest agent MSI from the driver media, when the guest agent is on. */
  guestAgentMsi: 'qemu-ga.msi',
  /** The WinFsp MSI (`media.winfspMsi`), for virtio-fs shares on Windows. */
  winfspMsi: 'winfsp.msi',
  /** virtio-win's virtio-fs folder (`viofs/<os>/<arch>`: driver, virtiofs.exe), for virtio-fs shares. */
  viofsFolder: 'viofs',
  /** The public keys to authorise, for guests that read them directly. */
  authorizedKeys: 'authorized_keys',
} as const;
