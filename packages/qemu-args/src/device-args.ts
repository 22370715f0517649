import { qemuOption } from './_qemu-option';
import type { BuildContext } from './_resolved';

/** USB controller and input devices, the display adapter, and the TPM. */
export function deviceArgs(ctx: BuildContext): string[] {
  return [...usbArgs(ctx), ...displayAdapterArgs(ctx), ...tpmArgs(ctx)];
}

function usbArgs({ spec }: BuildContext): string[] {
  // arm64 firmware consoles need a USB keyboard; both get a tablet for absolute pointing.
  const keyboard = spec.arch === 'arm64' ? ['-device', 'usb-kbd,bus=xhci.0,id=keyboard'] : [];
  return ['-device', 'qemu-xhci,id=xhci', ...keyboard, '-device', 'usb-tablet,bus=xhci.0,id=tablet'];
}

function displayAdapterArgs({ spec }: BuildContext): string[] {
  // virtio-gpu has no driver during arm64 Setup; ramfb works with the firmware's framebuffer.
  return ['-device', spec.arch === 'arm64' ? 'ramfb,id=video0' : 'VGA,id=video0'];
}

function tpmArgs({ spec, host }: BuildContext): string[] {
  if (!spec.tpm || !host.tpmSocket) return [];
  return [
    '-chardev',
    qemuOption('socket', { id: 'chrtpm', path: host.tpmSocket }),
    '-tpmdev',
    'emulator,id=tpm0,chardev=chrtpm',
    '-device',
    `${spec.arch === 'arm64' ? 'tpm-tis-device' : 'tpm-crb'},tpmdev=tpm0,id=tpm`,
  ];
}
