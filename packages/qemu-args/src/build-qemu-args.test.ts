import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { amd64Host, amd64Spec, arm64Host, arm64Spec } from './__fixtures__/specs';
import {
  buildQemuArgs,
  hypervEnlightenments,
  InvalidQemuSpecError,
  QemuArgsError,
  type QemuHostInput,
  type VmSpecInput,
} from './index';

/** The value following each occurrence of `flag`. */
function values(args: string[], flag: string): string[] {
  return args.flatMap((arg, i) => (arg === flag ? [args[i + 1] as string] : []));
}

describe('buildQemuArgs', () => {
  test('amd64 Windows 11: UEFI Secure Boot, TPM, AHCI, e1000e, KVM — the whole argv', () => {
    const { binary, args, warnings } = buildQemuArgs(amd64Spec, amd64Host);
    expect(binary).toBe('/usr/bin/qemu-system-x86_64');
    expect(warnings).toEqual([]);
    // biome-ignore format: one flag and its value per line reads like the command line
    expect(args).toEqual([
      '-name', 'guest=win11', '-nodefaults', '-no-user-config',
      '-machine', 'q35,smm=on', '-accel', 'kvm', '-cpu', `host,${hypervEnlightenments.join(',')}`,
      '-smp', '4', '-m', '8192',
      '-rtc', 'base=localtime',
      '-device', 'qemu-xhci,id=xhci', '-device', 'usb-tablet,bus=xhci.0,id=tablet', '-device', 'VGA,id=video0',
      '-chardev', 'socket,id=chrtpm,path=/vm/swtpm.sock', '-tpmdev', 'emulator,id=tpm0,chardev=chrtpm',
      '-device', 'tpm-crb,tpmdev=tpm0,id=tpm',
      '-drive', 'if=none,id=disk0,file=/vm/disk.qcow2,format=qcow2,discard=unmap',
      '-device', 'ide-hd,drive=disk0,id=disk0,bootindex=0,bus=ide.0',
      '-drive', 'if=none,id=cd-windows,media=cdrom,readonly=on,file=/iso/Win11.iso',
      '-device', 'ide-cd,drive=cd-windows,id=cd-windows,bus=ide.1,bootindex=1',
      '-drive', 'if=none,id=cd-cidata,media=cdrom,readonly=on,file=/vm/cidata.iso',
      '-device', 'ide-cd,drive=cd-cidata,id=cd-cidata,bus=ide.2',
      // After the disk: savevm keeps the memory state in the first snapshot-capable drive.
      '-global', 'driver=cfi.pflash01,property=secure,value=on',
      '-drive', 'if=pflash,format=raw,unit=0,readonly=on,file=/usr/share/OVMF/OVMF_CODE_4M.ms.fd',
      '-drive', 'if=pflash,format=raw,unit=1,file=/vm/vars.fd',
      '-netdev', 'user,id=net0,hostfwd=tcp:127.0.0.1:2222-:22', '-device', 'e1000e,netdev=net0,id=nic0',
      '-chardev', 'socket,id=qmp,path=/vm/qmp.sock,server=on,wait=off', '-mon', 'chardev=qmp,mode=control',
      '-chardev', 'file,id=serial0,path=/vm/serial.log', '-serial', 'chardev:serial0',
      '-pidfile', '/vm/qemu.pid', '-display', 'none',
    ]);
  });

  test('arm64 on HVF: virt, -cpu host, USB keyboard/tablet, ramfb, NVMe, media on usb-storage, tpm-tis-device', () => {
    const { args, warnings } = buildQemuArgs(arm64Spec, arm64Host);
    expect(values(args, '-machine')).toEqual(['virt']);
    expect(values(args, '-cpu')).toEqual(['host']);
    expect(values(args, '-device')).toEqual([
      'qemu-xhci,id=xhci',
      'usb-kbd,bus=xhci.0,id=keyboard',
      'usb-tablet,bus=xhci.0,id=tablet',
      'ramfb,id=video0',
      'tpm-tis-device,tpmdev=tpm0,id=tpm',
      'nvme,drive=disk0,id=disk0,bootindex=0,serial=winguest-disk0',
      'usb-storage,drive=cd-windows,id=cd-windows,bus=xhci.0,bootindex=1',
      'usb-storage,drive=cd-cidata,id=cd-cidata,bus=xhci.0',
      'usb-storage,drive=cd-drivers,id=cd-drivers,bus=xhci.0',
      'virtio-net-pci,netdev=net0,id=nic0',
    ]);
    expect(args).not.toContain('-global');
    expect(warnings).toEqual([]);
  });

  test.each([
    ['amd64', 'kvm', `host,${hypervEnlightenments.join(',')}`],
    ['amd64', 'tcg', 'max'],
    ['amd64', 'whpx', 'host'],
    ['amd64', 'hvf', 'host'],
    ['arm64', 'kvm', 'host'],
    ['arm64', 'hvf', 'host'],
    ['arm64', 'tcg', 'max,pauth-impdef=on'],
  ] as const)('%s under %s uses -cpu %s (Hyper-V enlightenments only with KVM)', (arch, accelerator, cpu) => {
    const spec = arch === 'amd64' ? amd64Spec : arm64Spec;
    const host = arch === 'amd64' ? amd64Host : arm64Host;
    const { args } = buildQemuArgs(spec, { ...host, accelerator });
    expect(values(args, '-cpu')).toEqual([cpu]);
    expect(values(args, '-accel')).toEqual([accelerator]);
  });

  test.each([
    [8, 'virt'],
    [9, 'virt,gic-version=3'],
  ])('arm64 with %i CPUs uses -machine %s', (cpus, machine) => {
    expect(values(buildQemuArgs({ ...arm64Spec, cpus }, arm64Host).args, '-machine')).toEqual([machine]);
  });

  test('SMM and the secure pflash are only enabled when the firmware requires SMM', () => {
    const plain = { ...amd64Host, firmware: { code: '/fw/OVMF_CODE_4M.fd', features: [] } };
    const { args } = buildQemuArgs({ ...amd64Spec, secureBoot: false }, plain);
    expect(values(args, '-machine')).toEqual(['q35']);
    expect(args).not.toContain('-global');
  });

  test('the guest agent gets a virtio-serial port org.qemu.guest_agent.0 on a listening UNIX socket', () => {
    const host = { ...amd64Host, guestAgentSocket: '/vm dir,1/qga.sock' };
    const { args } = buildQemuArgs({ ...amd64Spec, guestAgent: true }, host);
    expect(values(args, '-device')).toEqual(
      expect.arrayContaining([
        'virtio-serial-pci,id=vserial0',
        'virtserialport,bus=vserial0.0,chardev=qga0,name=org.qemu.guest_agent.0,id=qga-port',
      ]),
    );
    expect(values(args, '-chardev')).toContain('socket,id=qga0,path=/vm dir,,1/qga.sock,server=on,wait=off');
    const without = buildQemuArgs(amd64Spec, host).args;
    expect(without.some((a) => a.includes('qga0') || a.includes('virtio-serial'))).toBe(false);
  });

  test('BIOS: no pflash drives, no vars file needed', () => {
    const { args } = buildQemuArgs(
      { ...amd64Spec, firmware: 'bios', secureBoot: false },
      { ...amd64Host, firmware: undefined, varsPath: undefined },
    );
    expect(args.some((a) => a.includes('pflash'))).toBe(false);
  });

  test.each([
    ['virtio-blk', ['virtio-blk-pci,drive=disk0,id=disk0,bootindex=0']],
    ['virtio-scsi', ['virtio-scsi-pci,id=scsi0', 'scsi-hd,drive=disk0,id=disk0,bootindex=0,bus=scsi0.0']],
    ['nvme', ['nvme,drive=disk0,id=disk0,bootindex=0,serial=winguest-disk0']],
    ['ahci', ['ide-hd,drive=disk0,id=disk0,bootindex=0,bus=ide.0']],
  ] as const)('amd64 disk on %s', (iface, devices) => {
    const spec = {
      ...amd64Spec,
      disk: { path: '/d.img', format: 'raw', interface: iface },
      media: { drivers: '/v.iso' },
    } as const;
    const { args } = buildQemuArgs(spec, amd64Host);
    expect(values(args, '-device').filter((d) => d.includes('disk0') || d.startsWith('virtio-scsi'))).toEqual(
      devices,
    );
    expect(values(args, '-drive')).toContain('if=none,id=disk0,file=/d.img,format=raw,discard=unmap');
  });

  test('keeps the media order fixed whatever is attached', () => {
    const only = buildQemuArgs({ ...amd64Spec, media: { drivers: '/v.iso', cidata: '/c.iso' } }, amd64Host);
    expect(values(only.args, '-device').filter((d) => d.startsWith('ide-cd'))).toEqual([
      'ide-cd,drive=cd-cidata,id=cd-cidata,bus=ide.2',
      'ide-cd,drive=cd-drivers,id=cd-drivers,bus=ide.3',
    ]);
  });

  test('port forwards: SSH, RDP and extra ones, on the addresses given', () => {
    const network = {
      ssh: 2222,
      rdp: 3390,
      mac: '52:54:00:12:34:56',
      forwards: [{ protocol: 'udp' as const, hostAddress: '0.0.0.0', hostPort: 5353, guestPort: 53 }],
    };
    const { args } = buildQemuArgs({ ...amd64Spec, network }, amd64Host);
    expect(values(args, '-netdev')).toEqual([
      'user,id=net0,hostfwd=tcp:127.0.0.1:2222-:22,hostfwd=tcp:127.0.0.1:3390-:3389,hostfwd=udp:0.0.0.0:5353-:53',
    ]);
    expect(values(args, '-device')).toContain('e1000e,netdev=net0,id=nic0,mac=52:54:00:12:34:56');
  });

  test.each([
    [{ type: 'none' }, 'none'],
    [{ type: 'window' }, 'default'],
    [{ type: 'vnc', address: '127.0.0.1:1' }, 'vnc=127.0.0.1:1'],
    [{ type: 'vnc', address: 'unix:/run/a,b.sock' }, 'vnc=unix:/run/a,,b.sock'],
  ] as const)('display %j → -display %s', (display, option) => {
    expect(values(buildQemuArgs({ ...amd64Spec, display }, amd64Host).args, '-display')).toEqual([option]);
  });

  test('QMP over TCP for Windows hosts', () => {
    const { args } = buildQemuArgs(amd64Spec, { ...amd64Host, qmp: { host: '127.0.0.1', port: 4444 } });
    expect(values(args, '-chardev')).toContain('socket,id=qmp,host=127.0.0.1,port=4444,server=on,wait=off');
  });

  test('extra raw arguments come last, untouched', () => {
    const { args } = buildQemuArgs(
      { ...amd64Spec, extraArgs: ['-device', 'virtio-rng-pci', '-S'] },
      amd64Host,
    );
    expect(args.slice(-3)).toEqual(['-device', 'virtio-rng-pci', '-S']);
  });

  test('commas in paths and names are doubled so QEMU reads them literally; other characters pass as-is', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (text) => {
        const spec = { ...amd64Spec, name: text, disk: { path: `/vm/${text}` } };
        const { args } = buildQemuArgs(spec, { ...amd64Host, serialLog: `/vm/${text}.log` });
        const doubled = text.replaceAll(',', ',,');
        expect(values(args, '-name')).toEqual([`guest=${doubled}`]);
        expect(values(args, '-drive')).toContain(
          `if=none,id=disk0,file=/vm/${doubled},format=qcow2,discard=unmap`,
        );
        expect(values(args, '-chardev')).toContain(`file,id=serial0,path=/vm/${doubled}.log`);
      }),
    );
  });

  test('is deterministic', () => {
    expect(buildQemuArgs(arm64Spec, arm64Host)).toEqual(buildQemuArgs(arm64Spec, arm64Host));
  });

  test('throws InvalidQemuSpecError with every problem', () => {
    const spec: VmSpecInput = { ...amd64Spec, firmware: 'bios', secureBoot: true };
    const host: QemuHostInput = { ...amd64Host, tpmSocket: undefined };
    const error = (() => {
      try {
        buildQemuArgs(spec, host);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InvalidQemuSpecError);
    expect(QemuArgsError.isInstance(error)).toBe(true);
    expect((error as InvalidQemuSpecError).issues.map((i) => i.path)).toEqual([
      'spec.secureBoot',
      'host.tpmSocket',
    ]);
    expect((error as Error).message).toContain('spec.secureBoot: Secure Boot needs UEFI firmware');
  });
});
