import type { BuildContext } from './_resolved';
import type { RuleFinding } from './rules';

/** The rules of `spec.shares` and `spec.network.smb`, in the order their findings are reported. */
export const shareRules: ReadonlyArray<(ctx: BuildContext) => RuleFinding[]> = [
  duplicateTags,
  missingSockets,
  ({ spec, host }) =>
    spec.shares.length > 0 && (host.accelerator === 'hvf' || host.accelerator === 'whpx')
      ? [
          {
            severity: 'error',
            path: 'spec.shares',
            message: `virtio-fs needs vhost-user, which QEMU offers on Linux hosts only (this host uses ${host.accelerator}); share the folder with network.smb instead.`,
          },
        ]
      : [],
  ({ spec, host }) =>
    spec.network.smb && host.accelerator === 'whpx'
      ? [
          {
            severity: 'error',
            path: 'spec.network.smb',
            message: `QEMU for Windows cannot start smbd for ${spec.network.smb}; copy files with winguest cp instead.`,
          },
        ]
      : [],
];

function duplicateTags({ spec }: BuildContext): RuleFinding[] {
  const first = new Map<string, number>();
  return spec.shares.flatMap(({ tag }, index) => {
    const seen = first.get(tag);
    if (seen === undefined) {
      first.set(tag, index);
      return [];
    }
    return [
      {
        severity: 'error' as const,
        path: `spec.shares[${index}].tag`,
        message: `tag "${tag}" is already used by spec.shares[${seen}]; give each share its own tag.`,
      },
    ];
  });
}

function missingSockets({ spec, host }: BuildContext): RuleFinding[] {
  return spec.shares.flatMap(({ tag }) =>
    host.virtiofsSockets[tag]
      ? []
      : [
          {
            severity: 'error' as const,
            path: `host.virtiofsSockets.${tag}`,
            message: `share "${tag}" has no virtiofsd socket; start virtiofsd with --socket-path in the instance directory and pass that path.`,
          },
        ],
  );
}
