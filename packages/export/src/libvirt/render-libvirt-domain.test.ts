import { buildQemuArgs, type QemuHostInput, type VmSpecInput } from '@winguest/qemu-args';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { describe, expect, test } from 'vitest';
import { profiles } from '../__fixtures__/profiles';
import { virtXmlValidate, xpath } from '../__fixtures__/xml-tools';
import { InvalidExportError, type LibvirtDomainOptionsInput, renderLibvirtDomain } from '../index';

const tools = requireHostTools([
  { command: 'virt-xml-validate', debian: 'libvirt-clients' },
  { command: 'xmllint', debian: 'libxml2-utils' },
]);

const all = profiles((arch) =>
  arch === 'amd64' ? ['ahci', 'virtio-blk', 'virtio-scsi', 'nvme'] : ['virtio-blk', 'virtio-scsi', 'nvme'],
);
/** Each profile with one of the engine choices, so every option value meets every architecture. */
const cases = all.map((profile, i) => {
  const options: LibvirtDomainOptionsInput = {
    domainType: i % 2 === 0 ? 'kvm' : 'qemu',
    firmware:
      i % 4 < 2
        ? { type: 'auto' }
        : {
            type: 'files',
            loader: '/usr/share/OVMF/OVMF_CODE_4M.secboot.fd',
            nvramTemplate: '/usr/share/OVMF/OVMF_VARS_4M.ms.fd',
          },
    userNetwork: i % 3 === 0 ? 'qemu-commandline' : 'passt',
    serialLog: '/srv/vms/win11/serial.log',
    shares: i % 5 === 0 ? [{ source: '/srv/share', tag: 'share' }] : [],
  };
  return {
    id: `${profile.id} ${options.domainType} ${options.firmware?.type} ${options.userNetwork}`,
    spec: profile.spec,
    options,
  };
});

/** Every host file QEMU could need, so any profile builds. */
const qemuHost: QemuHostInput = {
  binary: 'qemu-system',
  accelerator: 'tcg',
  qmp: { path: '/run/qmp.sock' },
  firmware: { code: '/fw/CODE.fd', features: ['secure-boot', 'enrolled-keys', 'requires-smm'] },
  varsPath: '/vm/vars.fd',
  tpmSocket: '/run/tpm.sock',
  guestAgentSocket: '/run/qga.sock',
};

const base: VmSpecInput = {
  arch: 'amd64',
  secureBoot: true,
  tpm: true,
  guestAgent: true,
  disk: { path: '/vm/disk.qcow2' },
  media: { windows: '/iso/win.iso', cidata: '/vm/cidata.iso', drivers: '/iso/virtio-win.iso' },
  network: { ssh: 2222 },
};

describe.skipIf(!tools.available)('libvirt domain XML, checked by libvirt and libxml2', () => {
  test.each(cases)('$id passes virt-xml-validate', ({ spec, options }) => {
    const result = virtXmlValidate(renderLibvirtDomain(spec, options));
    expect(result.output).toContain('validates');
    expect(result.ok).toBe(true);
  });

  test.each(cases)('$id attaches disk and media in the order of our QEMU argv', ({ spec, options }) => {
    const xml = renderLibvirtDomain(spec, options);
    const inXml = [
      ...xml.matchAll(/<source file="([^"]+)"|<qemu:arg value="if=none,id=disk0,file=([^,"]+)/g),
    ].map((m) => m[1] ?? m[2]);
    const argv = buildQemuArgs(spec, qemuHost).args;
    const inArgv = argv.flatMap(
      (arg) => /^if=none,id=[^,]+,(?:media=cdrom,readonly=on,)?file=([^,]+)/.exec(arg)?.[1] ?? [],
    );
    expect(inArgv[0]).toBe(spec.disk.path);
    // libvirt 9 has no NVMe bus: that disk is the one device written as QEMU arguments, after the rest.
    const [disk = '', ...media] = inArgv;
    expect(inXml).toEqual(spec.disk.interface === 'nvme' ? [...media, disk] : inArgv);
  });

  test('the system disk boots first and the Windows ISO second', () => {
    const xml = renderLibvirtDomain(base);
    expect(xpath(xml, 'string(//disk[source/@file="/vm/disk.qcow2"]/boot/@order)')).toBe('1');
    expect(xpath(xml, 'string(//disk[source/@file="/iso/win.iso"]/boot/@order)')).toBe('2');
    expect(xpath(xml, 'count(//disk[boot])')).toBe('2');
  });

  test('UEFI by descriptor asks for Secure Boot with enrolled keys and turns SMM on', () => {
    const xml = renderLibvirtDomain(base);
    expect(xpath(xml, 'string(/domain/os/@firmware)')).toBe('efi');
    expect(xpath(xml, 'string(//os/firmware/feature[@name="secure-boot"]/@enabled)')).toBe('yes');
    expect(xpath(xml, 'string(//os/firmware/feature[@name="enrolled-keys"]/@enabled)')).toBe('yes');
    expect(xpath(xml, 'string(//features/smm/@state)')).toBe('on');
  });

  test('explicit firmware files become a secure read-only pflash loader and an nvram template', () => {
    const xml = renderLibvirtDomain(base, {
      firmware: { type: 'files', loader: '/fw/CODE.fd', nvramTemplate: '/fw/VARS.fd', nvram: '/vm/vars.fd' },
    });
    expect(xpath(xml, 'string(//os/loader)')).toBe('/fw/CODE.fd');
    expect(xpath(xml, 'string(//os/loader/@secure)')).toBe('yes');
    expect(xpath(xml, 'string(//os/nvram/@template)')).toBe('/fw/VARS.fd');
    expect(xpath(xml, 'string(//os/nvram)')).toBe('/vm/vars.fd');
  });

  test('Hyper-V enlightenments and the host CPU only under KVM on amd64; TCG gets the maximum CPU model', () => {
    const kvm = renderLibvirtDomain(base, { domainType: 'kvm' });
    expect(xpath(kvm, 'count(//features/hyperv/*)')).toBe('11');
    expect(xpath(kvm, 'string(//hyperv/spinlocks/@retries)')).toBe('8191');
    expect(xpath(kvm, 'string(//clock/timer[@name="hypervclock"]/@present)')).toBe('yes');
    expect(xpath(kvm, 'string(//cpu/@mode)')).toBe('host-passthrough');
    const tcg = renderLibvirtDomain(base, { domainType: 'qemu' });
    expect(xpath(tcg, 'count(//hyperv)')).toBe('0');
    expect(xpath(tcg, 'count(//clock/timer)')).toBe('0');
    expect(xpath(tcg, 'string(//cpu/@mode)')).toBe('maximum');
    const arm = renderLibvirtDomain({ ...base, arch: 'arm64', secureBoot: false }, { domainType: 'kvm' });
    expect(xpath(arm, 'count(//hyperv)')).toBe('0');
  });

  test('TPM 2.0 emulator, serial port into the log file, guest-agent channel', () => {
    const xml = renderLibvirtDomain(base, { serialLog: '/vm/serial.log' });
    expect(xpath(xml, 'string(//tpm/@model)')).toBe('tpm-crb');
    expect(xpath(xml, 'string(//tpm/backend/@version)')).toBe('2.0');
    expect(xpath(xml, 'string(//serial[@type="file"]/source/@path)')).toBe('/vm/serial.log');
    expect(xpath(xml, 'string(//channel[@type="unix"]/target/@name)')).toBe('org.qemu.guest_agent.0');
    const arm = renderLibvirtDomain({ ...base, arch: 'arm64', secureBoot: false });
    expect(xpath(arm, 'string(//tpm/@model)')).toBe('tpm-tis');
  });

  test('SSH and RDP forwards become passt port forwards, or QEMU hostfwd on a pinned slot', () => {
    const spec = { ...base, network: { ssh: 2222, rdp: 3390 } };
    const passt = renderLibvirtDomain(spec);
    expect(xpath(passt, 'string(//portForward[range/@to="22"]/range/@start)')).toBe('2222');
    expect(xpath(passt, 'string(//portForward[range/@to="3389"]/range/@start)')).toBe('3390');
    const qemu = renderLibvirtDomain(spec, { userNetwork: 'qemu-commandline' });
    expect(xpath(qemu, 'count(//interface)')).toBe('0');
    expect(qemu).toContain('user,id=net0,hostfwd=tcp:127.0.0.1:2222-:22,hostfwd=tcp:127.0.0.1:3390-:3389');
    expect(qemu).toContain('e1000e,netdev=net0,id=nic0,bus=pcie.0,addr=0x1c');
  });

  test('names and paths with XML metacharacters come back unchanged', () => {
    const name = 'a&amp;b <c> "d"';
    const xml = renderLibvirtDomain({ ...base, name, disk: { path: '/vm/x&y.qcow2' } });
    expect(xpath(xml, 'string(/domain/name)')).toBe(name);
    expect(xpath(xml, 'string(//disk[@device="disk"]/source/@file)')).toBe('/vm/x&y.qcow2');
  });
});

describe('renderLibvirtDomain', () => {
  test('reports every problem at once with its path and the fix', () => {
    let error: unknown;
    try {
      renderLibvirtDomain(
        { arch: 'arm64', firmware: 'bios', disk: { path: 'disk.qcow2' }, media: { cidata: 'cidata.iso' } },
        { serialLog: 'serial.log' },
      );
    } catch (caught) {
      error = caught;
    }
    expect(InvalidExportError.isInstance(error)).toBe(true);
    const issues = (error as InvalidExportError).issues;
    expect(issues.map((i) => i.path)).toEqual([
      'spec.disk.path',
      'spec.media.cidata',
      'options.serialLog',
      'spec.firmware',
    ]);
    expect(issues[0]?.message).toContain('give an absolute path');
  });

  test('is deterministic', () => {
    expect(renderLibvirtDomain(base)).toBe(renderLibvirtDomain(structuredClone(base)));
  });
});
