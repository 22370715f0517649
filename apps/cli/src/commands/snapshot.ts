import type { CommandContext, CommandDefinition } from '../command';
import { UsageError } from '../errors';
import { formatBytes, table } from '../table';
import { callVm } from '../vm/call-vm';
import { duration } from '../vm/progress-renderer';

const json = { type: 'boolean', description: 'Print JSON' } as const;

function instanceAndSnapshot(context: CommandContext, command: string): { name: string; snapshot: string } {
  const [name, snapshot, ...rest] = context.positionals;
  if (!name || !snapshot || rest.length > 0)
    throw new UsageError('Expected an instance name and a snapshot name', command);
  return { name, snapshot };
}

const save: CommandDefinition = {
  name: 'snapshot save',
  summary: "Save a running guest's disk, memory and devices",
  usage: ['snapshot save <instance> <snapshot> [--json]'],
  description:
    'The guest pauses while QEMU writes the snapshot into its disk, then runs on. A snapshot of\nthe same name is replaced. Every writable drive must be qcow2 (so far: BIOS instances).',
  options: { json },
  examples: [['winguest snapshot save dev clean', 'before an experiment']],
  async run(context) {
    const ref = instanceAndSnapshot(context, 'snapshot save');
    const saved = await callVm((api) => api.saveSnapshot(ref));
    if (context.values.json) context.out.json(saved);
    else
      context.out.line(
        `saved ${ref.name}/${saved.name} (${formatBytes(saved.vmStateBytes)} of memory and devices)`,
      );
    return 0;
  },
};

const restore: CommandDefinition = {
  name: 'snapshot restore',
  summary: 'Put an instance back to a snapshot and wait until SSH works',
  usage: ['snapshot restore <instance> <snapshot> [--json]'],
  description:
    'A running guest jumps back; a stopped one resumes straight into the snapshot (no boot). The\nguest clock is then set through the guest agent when one answers.',
  options: { json },
  examples: [['winguest snapshot restore dev clean', 'undo everything since the save']],
  async run(context) {
    const restored = await callVm((api) =>
      api.restoreSnapshot(instanceAndSnapshot(context, 'snapshot restore')),
    );
    if (context.values.json) context.out.json(restored);
    else
      context.out.line(
        `${restored.name} is at ${restored.snapshot}, ready in ${duration(restored.durationMs)}${restored.clock === 'guest-agent' ? '' : ' (clock not resynced: no guest agent)'}`,
      );
    return 0;
  },
};

const ls: CommandDefinition = {
  name: 'snapshot ls',
  summary: "List an instance's snapshots",
  usage: ['snapshot ls <instance> [--json]'],
  options: { json },
  examples: [['winguest snapshot ls dev', 'names, dates, sizes']],
  async run(context) {
    const [name, ...rest] = context.positionals;
    if (!name || rest.length > 0) throw new UsageError('Expected one instance name', 'snapshot ls');
    const snapshots = await callVm((api) => api.listSnapshots({ name }));
    if (context.values.json) {
      context.out.json(snapshots);
      return 0;
    }
    const rows = snapshots.map((s) => [s.name, s.createdAt, formatBytes(s.vmStateBytes)]);
    for (const line of table(['NAME', 'CREATED', 'STATE'], rows)) context.out.line(line);
    return 0;
  },
};

const rm: CommandDefinition = {
  name: 'snapshot rm',
  summary: 'Delete a snapshot',
  usage: ['snapshot rm <instance> <snapshot>'],
  examples: [['winguest snapshot rm dev clean', 'free its space in the disk']],
  async run(context) {
    const ref = instanceAndSnapshot(context, 'snapshot rm');
    await callVm((api) => api.removeSnapshot(ref));
    context.out.line(`removed ${ref.name}/${ref.snapshot}`);
    return 0;
  },
};

export const snapshotCommand: CommandDefinition = {
  name: 'snapshot',
  summary: 'Snapshots of a running guest: save, restore, ls, rm',
  usage: ['snapshot <save|restore|ls|rm> <instance> [snapshot]'],
  description: '`winguest up NAME --snapshot SNAPSHOT` resumes a stopped instance straight into one.',
  subcommands: { save, restore, ls, rm },
};
