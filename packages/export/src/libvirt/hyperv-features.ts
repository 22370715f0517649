import { hypervEnlightenments } from '@winguest/qemu-args';
import { el, type XmlNode } from '../_xml';

/**
 * libvirt's `<hyperv>` element for qemu-args' enlightenment list (`hv-relaxed` → `<relaxed/>`,
 * `hv-spinlocks=0x1fff` → `<spinlocks retries='8191'/>`). `hv-time` is the `hypervclock` timer, which
 * libvirt writes under `<clock>` (see `hypervClockTimer`).
 */
export function hypervFeatures(): XmlNode {
  const features = hypervEnlightenments.flatMap((flag) => {
    const [name = '', value] = flag.replace(/^hv-/, '').split('=');
    if (name === 'time') return [];
    if (name === 'spinlocks') return [el(name, { state: 'on', retries: Number(value) })];
    return [el(name, { state: 'on' })];
  });
  return el('hyperv', { mode: 'custom' }, features);
}

/** True when the enlightenment list asks for the Hyper-V reference clock. */
export function wantsHypervClock(): boolean {
  return hypervEnlightenments.some((flag) => flag === 'hv-time');
}
