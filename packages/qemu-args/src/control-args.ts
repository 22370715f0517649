import { qemuOption } from './_qemu-option';
import type { BuildContext } from './_resolved';

/** The chardev ids QEMU gets, for `query-chardev`. */
export const chardevIds = { qmp: 'qmp', serial: 'serial0', tpm: 'chrtpm', guestAgent: 'qga0' } as const;

/** Name, QMP, serial log, pidfile and display: how the host controls and watches the VM. */
export function controlArgs({ spec, host }: BuildContext): string[] {
  const qmpSocket =
    'path' in host.qmp
      ? qemuOption('socket', { id: chardevIds.qmp, path: host.qmp.path, server: true, wait: false })
      : qemuOption('socket', {
          id: chardevIds.qmp,
          host: host.qmp.host,
          port: host.qmp.port,
          server: true,
          wait: false,
        });
  const serial = host.serialLog
    ? [
        '-chardev',
        qemuOption('file', { id: chardevIds.serial, path: host.serialLog }),
        '-serial',
        `chardev:${chardevIds.serial}`,
      ]
    : [];
  return [
    '-chardev',
    qmpSocket,
    '-mon',
    `chardev=${chardevIds.qmp},mode=control`,
    ...serial,
    ...(host.pidFile ? ['-pidfile', host.pidFile] : []),
    '-display',
    displayOption(spec.display),
  ];
}

function displayOption(display: BuildContext['spec']['display']): string {
  switch (display.type) {
    case 'none':
      return 'none';
    case 'window':
      return 'default';
    case 'vnc':
      return qemuOption('', { vnc: display.address });
  }
}

/** `-name`, with the value written so that commas and `=` in the name survive. */
export function nameArgs({ spec }: BuildContext): string[] {
  return ['-name', qemuOption('', { guest: spec.name })];
}
