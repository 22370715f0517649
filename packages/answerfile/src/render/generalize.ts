import type { ResolvedAnswerFileSpec } from '../spec/answer-file-spec';
import { component, settings } from './component';
import { value, type XmlTree } from './xml-tree';

/** Choices for the generalize pass of an answer file given to `sysprep /generalize`. */
export interface GeneralizeOptions {
  /**
   * Keep installed Plug and Play drivers through generalize (PnpSysprep/PersistAllDeviceInstalls),
   * so clones on the same virtual hardware skip reinstalling them in specialize. Default true: a
   * clone boots with the image's devices (disk controller, NIC, virtio drivers).
   */
  persistDeviceInstalls?: boolean;
  /**
   * Leave the licensing state and grace period alone (Security-SPP/SkipRearm = 1). Windows allows
   * only a few rearms; without this an image generalized again and again stops generalizing.
   * Default true.
   */
  skipRearm?: boolean;
}

/** The generalize pass: what sysprep keeps while it removes the SID and machine identity. */
export function renderGeneralize(
  spec: ResolvedAnswerFileSpec,
  options: GeneralizeOptions,
): XmlTree | undefined {
  const arch = spec.target.arch;
  return settings('generalize', [
    component('Microsoft-Windows-PnpSysprep', arch, [
      value('PersistAllDeviceInstalls', options.persistDeviceInstalls ?? true),
    ]),
    component('Microsoft-Windows-Security-SPP', arch, [
      value('SkipRearm', options.skipRearm === false ? 0 : 1),
    ]),
  ]);
}
