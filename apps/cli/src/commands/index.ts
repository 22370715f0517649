import type { CommandDefinition } from '../command';

/** A top-level command; its module is loaded only when it runs or shows its help. */
export interface CommandEntry {
  name: string;
  summary: string;
  load: () => Promise<CommandDefinition>;
}

export const commands: CommandEntry[] = [
  {
    name: 'build',
    summary: 'Write the answer file, provisioning script, cidata ISO and QEMU command (the main job)',
    load: async () => (await import('./build')).buildCommand,
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
