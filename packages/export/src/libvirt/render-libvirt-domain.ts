import { isAbsolute } from 'node:path';
import { type ResolvedVmSpec, userNetworkArgs, type VmSpecInput } from '@winguest/qemu-args';
import { parseExportInput } from '../_parse';
import { el, serializeXml, text } from '../_xml';
import type { ExportIssue } from '../errors';
import { deviceElements } from './device-elements';
import { hypervFeatures, wantsHypervClock } from './hyperv-features';
import {
  type LibvirtDomainOptions,
  type LibvirtDomainOptionsInput,
  libvirtDomainOptionsSchema,
} from './libvirt-options';
import { needsSmm, osElement } from './os-element';
import { storageElements } from './storage-elements';

/** The namespace of `<qemu:commandline>`. */
export const libvirtQemuNamespace = 'http://libvirt.org/schemas/domain/qemu/1.0';

/**
 * Renders a libvirt domain XML for a VM spec (the same one `buildQemuArgs` takes): the same
 * disk, media, NIC and boot order as our QEMU argv, UEFI by descriptor or explicit files, Secure
 * Boot with SMM, a swtpm-backed TPM 2.0, the serial port into a file, the guest-agent channel.
 * Hyper-V enlightenments and `host-passthrough` only with `domainType: 'kvm'`. Pure; deterministic.
 * @throws InvalidExportError listing every problem with its path.
 */
export function renderLibvirtDomain(spec: VmSpecInput, options: LibvirtDomainOptionsInput = {}): string {
  const parsed = parseExportInput('libvirt', spec, libvirtDomainOptionsSchema, options, libvirtRules);
  return domainXml(parsed.spec, parsed.options);
}

function domainXml(spec: ResolvedVmSpec, options: LibvirtDomainOptions): string {
  const kvm = options.domainType === 'kvm';
  const hyperv = kvm && spec.arch === 'amd64';
  const storage = storageElements(spec);
  const network =
    options.userNetwork === 'qemu-commandline' ? pinned(userNetworkArgs(spec), 'nic0', nicSlot) : [];
  const qemuArgs = [...storage.qemuArgs, ...network, ...spec.extraArgs];
  const shared = options.shares.length > 0;
  const domain = el(
    'domain',
    { type: options.domainType },
    text('name', spec.name),
    text('memory', spec.memoryMiB, { unit: 'MiB' }),
    shared && el('memoryBacking', {}, el('source', { type: 'memfd' }), el('access', { mode: 'shared' })),
    text('vcpu', spec.cpus),
    osElement(spec, options),
    el(
      'features',
      {},
      el('acpi'),
      spec.arch === 'amd64' && el('apic'),
      hyperv && hypervFeatures(),
      spec.arch === 'arm64' && el('gic', { version: spec.cpus > 8 ? 3 : 2 }),
      needsSmm(spec) && el('smm', { state: 'on' }),
    ),
    kvm ? el('cpu', { mode: 'host-passthrough' }) : el('cpu', { mode: 'maximum' }),
    el(
      'clock',
      { offset: 'localtime' },
      hyperv && wantsHypervClock() && el('timer', { name: 'hypervclock', present: 'yes' }),
    ),
    text('on_poweroff', 'destroy'),
    text('on_reboot', 'restart'),
    text('on_crash', 'destroy'),
    el(
      'devices',
      {},
      options.emulator ? text('emulator', options.emulator) : undefined,
      storage.devices,
      deviceElements(spec, options),
    ),
    qemuArgs.length > 0 && el('qemu:commandline', {}, ...qemuArgs.map((value) => el('qemu:arg', { value }))),
  );
  return serializeXml(domain, qemuArgs.length > 0 ? { qemu: libvirtQemuNamespace } : {});
}

/**
 * libvirt writes `<qemu:commandline>` before its own devices and picks PCI slots without knowing
 * them, so a device added there must sit on a root-bus slot libvirt never assigns: q35 and virt
 * give libvirt's devices slot 1 (video) and root ports from slot 2 up, and ICH9 sits at 0x1f.
 */
export const nicSlot = '0x1c';

/** Adds `bus=pcie.0,addr=…` to the `-device` whose id is `id`. */
export function pinned(args: string[], id: string, slot: string): string[] {
  return args.map((arg, i) =>
    args[i - 1] === '-device' && arg.includes(`,id=${id}`) ? `${arg},bus=pcie.0,addr=${slot}` : arg,
  );
}

function libvirtRules(spec: ResolvedVmSpec, options: LibvirtDomainOptions): ExportIssue[] {
  const issues: ExportIssue[] = [];
  const files: [string, string | undefined][] = [
    ['spec.disk.path', spec.disk.path],
    ['spec.media.windows', spec.media.windows],
    ['spec.media.cidata', spec.media.cidata],
    ['spec.media.drivers', spec.media.drivers],
    ['options.serialLog', options.serialLog],
  ];
  for (const [path, file] of files) {
    if (file !== undefined && !isAbsolute(file))
      issues.push({
        path,
        message: `"${file}" is relative; libvirtd resolves nothing against your folder: give an absolute path`,
      });
  }
  if (spec.arch === 'arm64' && spec.firmware === 'bios')
    issues.push({ path: 'spec.firmware', message: 'arm64 (virt) boots only UEFI: set firmware to "uefi"' });
  if (spec.secureBoot && spec.firmware !== 'uefi')
    issues.push({
      path: 'spec.secureBoot',
      message: 'Secure Boot needs UEFI firmware: set firmware to "uefi" or secureBoot to false',
    });
  return issues;
}
