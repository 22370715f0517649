export { ExportError, type ExportErrorCode, type ExportIssue, InvalidExportError } from './errors';
export { checkKubeVirtManifests } from './kubevirt/check-kubevirt';
export { kubeVirtName } from './kubevirt/kubevirt-name';
export {
  defaultVirtioWinImage,
  type KubeVirtOptions,
  type KubeVirtOptionsInput,
  kubeVirtOptionsSchema,
} from './kubevirt/kubevirt-options';
export {
  type KubeVirtManifest,
  kubeVirtManifests,
  renderKubeVirt,
} from './kubevirt/render-kubevirt';
export {
  type LibvirtDomainOptions,
  type LibvirtDomainOptionsInput,
  libvirtDomainOptionsSchema,
  libvirtFirmwareSchema,
} from './libvirt/libvirt-options';
export { libvirtQemuNamespace, renderLibvirtDomain } from './libvirt/render-libvirt-domain';
