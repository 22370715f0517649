import type { CommandContext, CommandDefinition } from '../command';
import { configOptions } from '../config/config-options';
import { UsageError } from '../errors';
import { formatBytes, table } from '../table';
import { callVm } from '../vm/call-vm';
import { createProgressRenderer } from '../vm/progress-renderer';
import { imageGuestFacts, sysprepAnswerFile } from './image-facts';

const json = {
  type: 'boolean',
  description: 'Print JSON (schema: imageSummarySchema of @winguest/vm)',
} as const;

function oneName(context: CommandContext, command: string): string {
  if (context.positionals.length !== 1) throw new UsageError('Expected one image name', command);
  return context.positionals[0] as string;
}

const create: CommandDefinition = {
  name: 'image create',
  summary: 'Store an installed instance as an image to clone',
  usage: ['image create <name> --from <instance> [--generalize] [--config winguest.yaml] [--json]'],
  description: [
    'Stops the instance cleanly and stores its disk compacted into a read-only qcow2, its UEFI vars',
    'and how to boot it. With --generalize, sysprep runs in the guest first (over SSH; the guest must',
    'be running): every clone then gets its own SID, computer name, password and SSH host key, and the',
    'source instance is generalized too. Family, user and provisioning are recorded from the config.',
    'The sysprep answer file takes the password from WINGUEST_PASSWORD, --password-file, or the',
    "instance's password.txt.",
  ].join('\n'),
  options: {
    from: { type: 'string', valueName: 'instance', description: 'The installed instance to store' },
    generalize: { type: 'boolean', description: 'Run sysprep /generalize /oobe first' },
    json,
    ...configOptions,
  },
  examples: [
    ['winguest image create golden --from dev', 'a throwaway-clone image (same SID and name as dev)'],
    ['winguest up dev --detach && winguest image create base --from dev --generalize', 'for distinct clones'],
  ],
  async run(context) {
    const name = oneName(context, 'image create');
    const from = context.values.from;
    if (typeof from !== 'string') throw new UsageError('--from <instance> is required', 'image create');
    const generalize = Boolean(context.values.generalize);
    const { guest, answerFile } = generalize
      ? await sysprepAnswerFile(context, from)
      : { guest: await imageGuestFacts(context), answerFile: undefined };
    const renderer = createProgressRenderer(context.out, 'plain');
    const image = await callVm((api) =>
      api.createImage({
        name,
        from,
        guest,
        ...(answerFile ? { generalize: { answerFile } } : {}),
        onEvent: context.values.json ? undefined : (event) => renderer.onEvent(event),
      }),
    ).finally(() => renderer.close());
    if (context.values.json) context.out.json(await callVm((api) => api.inspectImage({ name: image.name })));
    else
      context.out.line(
        `stored image ${image.name} (${formatBytes(image.diskBytes)}, ${image.generalized ? 'generalized' : 'not generalized'})`,
      );
    return 0;
  },
};

const ls: CommandDefinition = {
  name: 'image ls',
  summary: 'List images: source, generalized, size, clones',
  usage: ['image ls [--json]'],
  options: { json },
  examples: [['winguest image ls --json | jq -r ".[].name"', 'image names for scripts']],
  async run(context) {
    const images = await callVm((api) => api.listImages({}));
    if (context.values.json) {
      context.out.json(images);
      return 0;
    }
    if (images.length === 0) {
      context.out.info('no images (store one with `winguest image create NAME --from INSTANCE`)');
      return 0;
    }
    const rows = images.map((i) => [
      i.name,
      i.source.instance,
      i.generalized ? 'yes' : 'no',
      i.boot.arch,
      formatBytes(i.diskBytes),
      i.usedBy.join(', '),
    ]);
    for (const line of table(['NAME', 'FROM', 'GENERALIZED', 'ARCH', 'SIZE', 'CLONES'], rows))
      context.out.line(line);
    return 0;
  },
};

const inspect: CommandDefinition = {
  name: 'image inspect',
  summary: 'Show an image: how clones boot and what they share with the source',
  usage: ['image inspect <name> [--json]'],
  options: { json },
  examples: [['winguest image inspect golden', 'what its clones share']],
  async run(context) {
    const image = await callVm((api) => api.inspectImage({ name: oneName(context, 'image inspect') }));
    if (context.values.json) {
      context.out.json(image);
      return 0;
    }
    const { out } = context;
    out.line(`${out.bold(image.name)}  from ${image.source.instance}, ${image.createdAt}`);
    out.line(
      `  generalized  ${image.generalized ? 'yes: each clone runs specialize and OOBE' : 'no: clones boot as copies'}`,
    );
    out.line(
      `  boots        ${image.boot.arch} ${image.boot.firmware}, ${image.boot.cpus} CPUs, ${image.boot.memoryMiB} MiB`,
    );
    if (image.guest.family)
      out.line(`  guest        ${image.guest.family}, users: ${image.guest.users.join(', ') || '-'}`);
    out.line(`  disk         ${formatBytes(image.diskBytes)} (${image.dir})`);
    out.line(`  clones share ${image.shares.join('; ')}`);
    out.line(`  used by      ${image.usedBy.join(', ') || '-'}`);
    return 0;
  },
};

const rm: CommandDefinition = {
  name: 'image rm',
  summary: 'Delete an image (refused while an instance is cloned from it)',
  usage: ['image rm <name>'],
  examples: [['winguest image rm golden', 'delete it once no clone uses it']],
  async run(context) {
    const name = oneName(context, 'image rm');
    await callVm((api) => api.removeImage({ name }));
    context.out.line(`removed image ${name}`);
    return 0;
  },
};

export const imageCommand: CommandDefinition = {
  name: 'image',
  summary: 'Golden images: store an installed instance, list, inspect and delete images',
  usage: ['image <create|ls|inspect|rm> …'],
  description: 'Clone one with `winguest up NAME --image IMAGE`: a qcow2 overlay, ready in seconds.',
  subcommands: { create, ls, inspect, rm },
};
