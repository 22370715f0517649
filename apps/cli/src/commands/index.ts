import type { CommandDefinition } from '../command';

/** A top-level command; its module is loaded only when it runs or shows its help. */
export interface CommandEntry {
  name: string;
  summary: string;
  load: () => Promise<CommandDefinition>;
}

export const commands: CommandEntry[] = [
  {
    name: 'init',
    summary: 'Write a commented winguest.yaml with every field and its default',
    load: async () => (await import('./init')).initCommand,
  },
  {
    name: 'build',
    summary: 'Write the answer file, provisioning script, cidata ISO and QEMU command (the main job)',
    load: async () => (await import('./build')).buildCommand,
  },
  {
    name: 'up',
    summary: 'Install (or boot) a guest and wait until SSH works',
    load: async () => (await import('./up')).upCommand,
  },
  {
    name: 'ssh',
    summary: 'Open a shell on an instance, or run one command',
    load: async () => (await import('./ssh')).sshCommand,
  },
  {
    name: 'cp',
    summary: 'Copy a file into or out of an instance (SFTP over its own key)',
    load: async () => (await import('./cp')).cpCommand,
  },
  {
    name: 'stop',
    summary: 'Shut an instance down (ACPI powerdown, forced after a timeout)',
    load: async () => (await import('./instances')).stopCommand,
  },
  {
    name: 'start',
    summary: 'Boot a stopped instance and wait until SSH works',
    load: async () => (await import('./instances')).startCommand,
  },
  {
    name: 'rm',
    summary: 'Delete an instance and its disk',
    load: async () => (await import('./instances')).rmCommand,
  },
  {
    name: 'ls',
    summary: 'List instances: state, arch, ports, uptime',
    load: async () => (await import('./instances')).lsCommand,
  },
  {
    name: 'logs',
    summary: "Show an instance's serial or provisioning log",
    load: async () => (await import('./instances')).logsCommand,
  },
  {
    name: 'screenshot',
    summary: "Save a PNG of a running instance's screen",
    load: async () => (await import('./instances')).screenshotCommand,
  },
  {
    name: 'image',
    summary: 'Golden images: store an installed instance, list, inspect and delete images',
    load: async () => (await import('./image')).imageCommand,
  },
  {
    name: 'snapshot',
    summary: 'Snapshots of a running guest: save, restore, ls, rm',
    load: async () => (await import('./snapshot')).snapshotCommand,
  },
  {
    name: 'export',
    summary: 'Write what libvirt (domain.xml) or KubeVirt (manifests) runs the guest from',
    load: async () => (await import('./export')).exportCommand,
  },
  {
    name: 'answerfile',
    summary: 'Print or write the autounattend.xml for the config',
    load: async () => (await import('./answerfile')).answerfileCommand,
  },
  {
    name: 'lint',
    summary: 'Check answer files for what would make Windows Setup fail',
    load: async () => (await import('./lint')).lintCommand,
  },
  {
    name: 'qemu-args',
    summary: 'Print the QEMU command line for the config',
    load: async () => (await import('./qemu-args')).qemuArgsCommand,
  },
  {
    name: 'doctor',
    summary: 'Check what this host can do: QEMU, firmware, accelerator, swtpm, shared folders, ISO tools',
    load: async () => (await import('./doctor')).doctorCommand,
  },
  {
    name: 'password',
    summary: 'Encode or decode an answer-file password value (PlainText=false)',
    load: async () => (await import('./password')).passwordCommand,
  },
  {
    name: 'iso',
    summary: 'Build, list and read ISO 9660 + Joliet images',
    load: async () => (await import('./iso')).isoCommand,
  },
  {
    name: 'media',
    summary: 'Show the editions, architecture and languages of a Windows ISO',
    load: async () => (await import('./media')).mediaCommand,
  },
];
