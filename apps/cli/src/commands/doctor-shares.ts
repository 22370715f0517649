/** One `winguest doctor` line. */
export interface ShareCheck {
  name: string;
  level: 'ok' | 'warn' | 'info';
  detail: string;
  fix?: string;
}

/**
 * The shared-folder mode this host gets and why: virtio-fs where virtiofsd runs (found through
 * QEMU's vhost-user descriptors), else QEMU's SMB share where smbd is installed, else none
 * (`winguest cp` still copies files).
 */
export async function shareModeCheck(env: NodeJS.ProcessEnv): Promise<ShareCheck> {
  const { chooseShareMode, probeSmbd, probeVirtiofsd } = await import('@winguest/qemu-args/probe');
  const choice = chooseShareMode(await probeVirtiofsd({ env, timeoutMs: 5_000 }), probeSmbd());
  const name = 'shared folders';
  if (choice.mode === 'virtio-fs') return { name, level: 'ok', detail: `virtio-fs: ${choice.reason}` };
  const fix =
    process.platform === 'linux'
      ? 'sudo apt-get install qemu-system-common (virtiofsd) or samba (smbd)'
      : process.platform === 'darwin'
        ? 'brew install samba (QEMU on macOS has no virtio-fs)'
        : 'copy files with winguest cp (QEMU for Windows has neither virtio-fs nor SMB)';
  if (choice.mode === 'smb') return { name, level: 'info', detail: `SMB: ${choice.reason}`, fix };
  return { name, level: 'warn', detail: `none: ${choice.reason}`, fix };
}
