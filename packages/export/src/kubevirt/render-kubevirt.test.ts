import type { VmSpecInput } from '@winguest/qemu-args';
import { describe, expect, test } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { strictSchemaErrors } from '../__fixtures__/kubevirt-schema';
import { profiles } from '../__fixtures__/profiles';
import {
  checkKubeVirtManifests,
  defaultVirtioWinImage,
  InvalidExportError,
  type KubeVirtOptionsInput,
  renderKubeVirt,
} from '../index';

// biome-ignore lint/suspicious/noExplicitAny: parsed YAML is navigated freely in assertions
type Obj = Record<string, any>;

const sysprep = {
  answerFile:
    '<?xml version="1.0" encoding="utf-8"?>\n<unattend xmlns="urn:schemas-microsoft-com:unattend"/>\n',
  files: {
    'first-logon.ps1': 'Write-Output "hello"\r\n',
    'winguest.marker': 'winguest provisioning media\n',
    authorized_keys: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHkY user@host\n',
  },
};

const cases = profiles((arch) =>
  arch === 'amd64' ? ['ahci', 'virtio-blk', 'virtio-scsi'] : ['virtio-blk', 'virtio-scsi'],
).map((profile, i) => {
  const options: KubeVirtOptionsInput = {
    namespace: 'vms',
    sysprep,
    installIso:
      i % 2 === 0
        ? { url: 'https://example.com/Win11.iso' }
        : { pvc: { namespace: 'isos', name: 'win11-iso' } },
    persistentState: i % 3 === 0,
    runStrategy: i % 4 === 0 ? 'Always' : 'RerunOnFailure',
  };
  return { id: profile.id, spec: profile.spec, options };
});

/** The YAML stream as `kubectl` reads it. */
function parseStream(yaml: string): Obj[] {
  const docs = parseAllDocuments(yaml);
  for (const doc of docs) expect(doc.errors).toEqual([]);
  return docs.map((doc) => doc.toJS() as Obj);
}

const vmOf = (docs: Obj[]) => docs.find((d) => d.kind === 'VirtualMachine') as Obj;
const base: VmSpecInput = {
  name: 'Win11',
  arch: 'amd64',
  secureBoot: true,
  tpm: true,
  disk: { path: 'disk.qcow2' },
  media: { windows: 'Win11.iso', cidata: 'cidata.iso' },
  network: { ssh: 2222, rdp: 3390 },
};
const install: KubeVirtOptionsInput = { sysprep, installIso: { url: 'https://example.com/Win11.iso' } };

describe('KubeVirt manifests for every profile', () => {
  test.each(cases)('$id passes KubeVirt’s strict schema and our semantic checks', ({ spec, options }) => {
    const docs = parseStream(renderKubeVirt(spec, options));
    expect(docs.map((d) => d.kind)).toEqual(['Secret', 'DataVolume', 'VirtualMachine']);
    for (const doc of docs) expect(strictSchemaErrors(doc)).toEqual([]);
    expect(checkKubeVirtManifests(docs)).toEqual([]);
  });
});

describe('renderKubeVirt', () => {
  test('a Windows 11 VM: EFI + Secure Boot + SMM, TPM, Hyper-V, the Windows clock, ports', () => {
    const domain = vmOf(parseStream(renderKubeVirt(base, { ...install, persistentState: true }))).spec
      .template.spec.domain;
    expect(domain.firmware.bootloader.efi).toEqual({ secureBoot: true, persistent: true });
    expect(domain.features.smm).toEqual({ enabled: true });
    expect(domain.devices.tpm).toEqual({ persistent: true });
    expect(domain.features.hyperv.spinlocks).toEqual({ spinlocks: 8191 });
    expect(Object.keys(domain.features.hyperv)).toContain('synictimer');
    expect(domain.clock).toEqual({
      utc: {},
      timer: {
        hpet: { present: false },
        pit: { tickPolicy: 'delay' },
        rtc: { tickPolicy: 'catchup' },
        hyperv: {},
      },
    });
    expect(domain.devices.interfaces[0]).toMatchObject({
      model: 'e1000e',
      ports: [{ port: 22 }, { port: 3389 }],
    });
  });

  test('the sysprep Secret holds the answer file and the provisioning files flat; nothing is a ConfigMap', () => {
    const docs = parseStream(renderKubeVirt(base, install));
    const secret = docs.find((d) => d.kind === 'Secret') as Obj;
    expect(Object.keys(secret.stringData).toSorted()).toEqual([
      'authorized_keys',
      'autounattend.xml',
      'first-logon.ps1',
      'winguest.marker',
    ]);
    expect(secret.stringData['first-logon.ps1']).toBe(sysprep.files['first-logon.ps1']);
    expect(vmOf(docs).spec.template.spec.volumes).toContainEqual({
      name: 'sysprep',
      sysprep: { secret: { name: 'win11-sysprep' } },
    });
    expect(docs.some((d) => d.kind === 'ConfigMap')).toBe(false);
  });

  test('virtio-win comes as a container disk only when the spec needs virtio drivers', () => {
    const volumes = (spec: VmSpecInput) =>
      vmOf(parseStream(renderKubeVirt(spec, install))).spec.template.spec.volumes as Obj[];
    expect(volumes(base).some((v) => v.containerDisk)).toBe(false);
    const virtio = volumes({ ...base, disk: { path: 'd', interface: 'virtio-blk' } });
    expect(virtio.find((v) => v.containerDisk)?.containerDisk).toEqual({ image: defaultVirtioWinImage });
  });

  test('a golden image: the system disk clones a generalized PVC; no install ISO', () => {
    const docs = parseStream(
      renderKubeVirt(
        { ...base, media: { cidata: 'cidata.iso' } },
        { sysprep, disk: { size: '80Gi', clone: { namespace: 'golden', name: 'win11-generalized' } } },
      ),
    );
    expect(docs.map((d) => d.kind)).toEqual(['Secret', 'VirtualMachine']);
    const template = vmOf(docs).spec.dataVolumeTemplates[0];
    expect(template.spec.source).toEqual({ pvc: { namespace: 'golden', name: 'win11-generalized' } });
    for (const doc of docs) expect(strictSchemaErrors(doc)).toEqual([]);
    expect(checkKubeVirtManifests(docs)).toEqual([]);
  });

  test('reports everything KubeVirt cannot run at once, with the fix', () => {
    let error: unknown;
    try {
      renderKubeVirt({
        arch: 'arm64',
        firmware: 'bios',
        disk: { path: 'd', interface: 'nvme' },
        media: { cidata: 'c' },
        extraArgs: ['-s'],
      });
    } catch (caught) {
      error = caught;
    }
    expect(InvalidExportError.isInstance(error)).toBe(true);
    expect((error as InvalidExportError).issues.map((i) => i.path)).toEqual([
      'spec.disk.interface',
      'spec.firmware',
      'options.installIso',
      'options.sysprep',
      'spec.extraArgs',
    ]);
  });

  test('is deterministic', () => {
    expect(renderKubeVirt(base, install)).toBe(
      renderKubeVirt(structuredClone(base), structuredClone(install)),
    );
  });
});

describe('the checks catch what a hand edit breaks', () => {
  const fresh = () => parseStream(renderKubeVirt(base, install));

  test('the strict schema rejects a misspelt field the published schema alone would let through', () => {
    const docs = fresh();
    vmOf(docs).spec.template.spec.domain.devices.disks[0].disk.buss = 'sata';
    expect(strictSchemaErrors(vmOf(docs)).join('\n')).toContain('must NOT have additional properties (buss)');
  });

  test.each([
    [
      'an unknown bus',
      (vm: Obj) => {
        vm.spec.template.spec.domain.devices.disks[0].disk.bus = 'ide';
      },
      'disks[0].bus',
    ],
    [
      'a SATA CD-ROM on arm64',
      (vm: Obj) => {
        vm.spec.template.spec.architecture = 'arm64';
      },
      'disks[1].bus',
    ],
    [
      'a made-up runStrategy',
      (vm: Obj) => {
        vm.spec.runStrategy = 'Sometimes';
      },
      'spec.runStrategy',
    ],
    [
      'a CD-ROM before the disk',
      (vm: Obj) => {
        vm.spec.template.spec.domain.devices.disks.reverse();
      },
      'disks[0]',
    ],
    [
      'the ISO booting first',
      (vm: Obj) => {
        vm.spec.template.spec.domain.devices.disks[1].bootOrder = 0;
      },
      'disks[0].bootOrder',
    ],
    [
      'a repeated boot order',
      (vm: Obj) => {
        vm.spec.template.spec.domain.devices.disks[1].bootOrder = 1;
      },
      'disks',
    ],
    [
      'an unknown NIC model',
      (vm: Obj) => {
        vm.spec.template.spec.domain.devices.interfaces[0].model = 'rtl8169';
      },
      'interfaces[0].model',
    ],
    [
      'Secure Boot without SMM',
      (vm: Obj) => {
        delete vm.spec.template.spec.domain.features.smm;
      },
      'features.smm',
    ],
    [
      'sysprep from a ConfigMap',
      (vm: Obj) => {
        vm.spec.template.spec.volumes[2].sysprep = { configMap: { name: 'x' } };
      },
      'sysprep',
    ],
  ])('%s', (_name, breakIt, path) => {
    const docs = fresh();
    breakIt(vmOf(docs));
    expect(
      checkKubeVirtManifests(docs)
        .map((issue) => issue.path)
        .join('\n'),
    ).toContain(path);
  });

  test('an empty answer file in the sysprep Secret', () => {
    const docs = fresh();
    (docs[0] as Obj).stringData['autounattend.xml'] = '';
    expect(checkKubeVirtManifests(docs).map((i) => i.message)).toContain(
      'the sysprep Secret has no autounattend.xml (or it is empty)',
    );
  });
});
