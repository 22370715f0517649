export { ExportError, type ExportErrorCode, type ExportIssue, InvalidExportError } from './errors';
export {
  type LibvirtDomainOptions,
  type LibvirtDomainOptionsInput,
  libvirtDomainOptionsSchema,
  libvirtFirmwareSchema,
} from './libvirt/libvirt-options';
export { libvirtQemuNamespace, renderLibvirtDomain } from './libvirt/render-libvirt-domain';
