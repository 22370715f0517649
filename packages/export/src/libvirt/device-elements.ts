import { guestAgentPortName, portForwardsOf, type ResolvedVmSpec } from '@winguest/qemu-args';
import { type Child, el, type XmlNode } from '../_xml';
import type { LibvirtDomainOptions } from './libvirt-options';

/** USB controller and input, display adapter and graphics, NIC, TPM, serial, agent channel, shares. */
export function deviceElements(spec: ResolvedVmSpec, options: LibvirtDomainOptions): Child[] {
  return [
    el('controller', { type: 'usb', index: 0, model: 'qemu-xhci' }),
    spec.arch === 'arm64' && el('input', { type: 'keyboard', bus: 'usb' }),
    el('input', { type: 'tablet', bus: 'usb' }),
    options.userNetwork === 'passt' && interfaceElement(spec),
    spec.tpm &&
      el(
        'tpm',
        { model: spec.arch === 'arm64' ? 'tpm-tis' : 'tpm-crb' },
        el('backend', { type: 'emulator', version: '2.0' }),
      ),
    options.serialLog
      ? el('serial', { type: 'file' }, el('source', { path: options.serialLog }), el('target', { port: 0 }))
      : el('serial', { type: 'pty' }, el('target', { port: 0 })),
    spec.guestAgent && el('controller', { type: 'virtio-serial', index: 0 }),
    spec.guestAgent &&
      el('channel', { type: 'unix' }, el('target', { type: 'virtio', name: guestAgentPortName })),
    ...options.shares.map((share) =>
      el(
        'filesystem',
        { type: 'mount', accessmode: 'passthrough' },
        el('driver', { type: 'virtiofs' }),
        el('source', { dir: share.source }),
        el('target', { dir: share.tag }),
      ),
    ),
    graphicsElement(spec),
    el('video', {}, el('model', { type: spec.arch === 'arm64' ? 'ramfb' : 'vga' })),
    el('memballoon', { model: 'none' }),
  ];
}

/**
 * User-mode networking through passt (libvirt ≥ 9.0): `<portForward>` gives the same host → guest
 * forwards as QEMU's `hostfwd`, without root and without a bridge.
 */
function interfaceElement(spec: ResolvedVmSpec): XmlNode {
  const { network } = spec;
  return el(
    'interface',
    { type: 'user' },
    network.mac && el('mac', { address: network.mac.toLowerCase() }),
    ...portForwardsOf(spec).map((forward) =>
      el(
        'portForward',
        { proto: forward.protocol, address: forward.hostAddress },
        el('range', { start: forward.hostPort, to: forward.guestPort }),
      ),
    ),
    el('model', { type: network.model === 'e1000e' ? 'e1000e' : 'virtio' }),
    el('backend', { type: 'passt' }),
  );
}

function graphicsElement({ display }: ResolvedVmSpec): XmlNode | undefined {
  if (display.type === 'none') return undefined;
  // A libvirt domain is watched through virt-viewer/virt-manager, so a local window becomes local VNC.
  if (display.type === 'window' || display.address.startsWith('unix:')) {
    const socket = display.type === 'vnc' ? display.address.slice('unix:'.length) : undefined;
    return socket
      ? el('graphics', { type: 'vnc', socket })
      : el('graphics', { type: 'vnc', port: -1, autoport: 'yes', listen: '127.0.0.1' });
  }
  const [host = '127.0.0.1', screen = '0'] = display.address.split(':');
  return el('graphics', { type: 'vnc', port: 5900 + Number(screen), listen: host });
}
