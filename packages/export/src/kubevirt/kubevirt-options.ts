import * as z from 'zod';

const dnsLabel = z
  .string()
  .regex(
    /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/,
    'must be a DNS label: lowercase letters, digits and "-", at most 63',
  );
const quantity = z.string().regex(/^\d+(\.\d+)?(Ki|Mi|Gi|Ti)?$/, 'must be a Kubernetes quantity such as 8Gi');
const pvcRef = z.object({ namespace: dnsLabel, name: dnsLabel }).strict();
/** A flat file name: a sysprep volume has no folders. */
const flatName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,252}$/, 'must be a plain file name (no folders)');

/** What KubeVirt runs the VM with, beyond the VM spec. */
export const kubeVirtOptionsSchema = z
  .object({
    /** Namespace of every object. Default: none (kubectl's current namespace). */
    namespace: dnsLabel.optional(),
    /** `RerunOnFailure` (default), `Always`, `Once`, `Manual` or `Halted`. */
    runStrategy: z.enum(['Always', 'RerunOnFailure', 'Once', 'Manual', 'Halted']).default('RerunOnFailure'),
    /**
     * The sysprep Secret's files: `autounattend.xml` and the provisioning files, all at the root of
     * the media KubeVirt builds (the launcher finds our marker there too). Text only: a Secret holds
     * at most 1 MiB, so installers (OpenSSH MSI) must come from another volume or the network.
     */
    sysprep: z
      .object({
        answerFile: z.string().min(1, 'must not be empty'),
        files: z.record(flatName, z.string()).default({}),
      })
      .strict()
      .optional(),
    /** The Windows ISO as a DataVolume: imported from a URL or cloned from a PVC. */
    installIso: z.union([z.object({ url: z.url() }).strict(), z.object({ pvc: pvcRef }).strict()]).optional(),
    /** Size of the install ISO's volume. Default `8Gi`. */
    installIsoSize: quantity.default('8Gi'),
    /** The system disk: a blank volume of `size`, or a clone of a golden image's PVC. */
    disk: z
      .object({
        size: quantity.default('64Gi'),
        storageClassName: dnsLabel.optional(),
        /** Clone this PVC (a generalized golden image) instead of starting blank. */
        clone: pvcRef.optional(),
      })
      .strict()
      .default({ size: '64Gi' }),
    /**
     * virtio-win as a container disk: `auto` (default) attaches it when the spec needs virtio
     * drivers (virtio disk or NIC, or a driver ISO); `false` never; a string is the image to use.
     */
    virtioWin: z.union([z.literal('auto'), z.literal(false), z.string().min(1)]).default('auto'),
    /** Keep the TPM and the EFI variables across restarts (needs a VM state storage class). */
    persistentState: z.boolean().default(false),
  })
  .strict();

/** The virtio-win container disk KubeVirt publishes. */
export const defaultVirtioWinImage = 'quay.io/kubevirt/virtio-container-disk:v1.5.1';

/** Options as callers write them. */
export type KubeVirtOptionsInput = z.input<typeof kubeVirtOptionsSchema>;
/** Options with defaults applied. */
export type KubeVirtOptions = z.output<typeof kubeVirtOptionsSchema>;
