import type { ResolvedVmSpec, VmSpecInput } from '@winguest/qemu-args';
import { stringify } from 'yaml';
import { parseExportInput } from '../_parse';

import { kubeVirtDomain, kubeVirtInterface } from './kubevirt-domain';
import { kubeVirtName } from './kubevirt-name';
import { type KubeVirtOptions, type KubeVirtOptionsInput, kubeVirtOptionsSchema } from './kubevirt-options';
import { kubeVirtRules } from './kubevirt-rules';
import { kubeVirtDisks, kubeVirtNames, rootDiskTemplate } from './kubevirt-storage';

/** One Kubernetes object of the export. */
export interface KubeVirtManifest {
  apiVersion: string;
  kind: 'Secret' | 'DataVolume' | 'VirtualMachine';
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

/**
 * The objects `kubectl apply` takes for a VM spec: the sysprep Secret (answer file and provisioning
 * files, flat), the install ISO's DataVolume, and the VirtualMachine (EFI + Secure Boot + SMM, TPM,
 * Hyper-V, Windows clock, the spec's disk and NIC models, virtio-win when drivers are needed). Pure.
 * @throws InvalidExportError listing every problem with its path.
 */
export function kubeVirtManifests(spec: VmSpecInput, options: KubeVirtOptionsInput = {}): KubeVirtManifest[] {
  const parsed = parseExportInput('KubeVirt', spec, kubeVirtOptionsSchema, options, kubeVirtRules);
  return manifests(parsed.spec, parsed.options);
}

/** `kubeVirtManifests` as one YAML stream (`---` between objects), ready for `kubectl apply -f`. */
export function renderKubeVirt(spec: VmSpecInput, options: KubeVirtOptionsInput = {}): string {
  return kubeVirtManifests(spec, options)
    .map((manifest) => stringify(manifest, { lineWidth: 0 }))
    .join('---\n');
}

function manifests(spec: ResolvedVmSpec, options: KubeVirtOptions): KubeVirtManifest[] {
  const name = kubeVirtName(spec.name);
  const names = kubeVirtNames(name);
  const metadata = (objectName: string) => ({
    name: objectName,
    ...(options.namespace ? { namespace: options.namespace } : {}),
    labels: { 'app.kubernetes.io/managed-by': 'winguest', 'winguest.dev/vm': name },
  });
  const out: KubeVirtManifest[] = [];
  if (options.sysprep) {
    const { answerFile, files } = options.sysprep;
    out.push({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: metadata(names.sysprep),
      type: 'Opaque',
      stringData: { 'autounattend.xml': answerFile, ...files },
    });
  }
  if (options.installIso) {
    const source =
      'url' in options.installIso
        ? { http: { url: options.installIso.url } }
        : { pvc: options.installIso.pvc };
    out.push({
      apiVersion: 'cdi.kubevirt.io/v1beta1',
      kind: 'DataVolume',
      metadata: metadata(names.installIso),
      spec: {
        source,
        storage: {
          accessModes: ['ReadWriteOnce'],
          resources: { requests: { storage: options.installIsoSize } },
        },
      },
    });
  }
  const { disks, volumes } = kubeVirtDisks(spec, options, name);
  const tpm = spec.tpm ? { tpm: options.persistentState ? { persistent: true } : {} } : {};
  const inputs = [{ type: 'tablet', bus: 'usb', name: 'tablet' }];
  out.push({
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: metadata(name),
    spec: {
      runStrategy: options.runStrategy,
      dataVolumeTemplates: [rootDiskTemplate(options, name)],
      template: {
        metadata: { labels: { 'winguest.dev/vm': name } },
        spec: {
          architecture: spec.arch,
          domain: {
            ...kubeVirtDomain(spec, options),
            devices: { disks, interfaces: [kubeVirtInterface(spec)], inputs, ...tpm },
          },
          networks: [{ name: 'default', pod: {} }],
          volumes,
        },
      },
    },
  });
  return out;
}
