import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { readIso, writeIso } from '@winguest/cidata-iso';
import type { CommandContext, CommandDefinition } from '../command';
import { CliError, UsageError } from '../errors';
import { assertWritable } from '../io/write-outputs';
import { formatBytes, table } from '../table';
import { printable } from '../terminal-text';
import { assertReadableIso } from './media';

const backends = ['builtin', 'xorriso', 'genisoimage', 'mkisofs', 'hdiutil'] as const;
type Backend = (typeof backends)[number];

function expectPositionals(context: CommandContext, count: number, usage: string, command: string): string[] {
  if (context.positionals.length !== count) {
    throw new UsageError(`Expected ${usage}, got ${context.positionals.length} argument(s)`, command);
  }
  return context.positionals;
}

const build: CommandDefinition = {
  name: 'iso build',
  summary: 'Write a directory tree as an ISO 9660 + Joliet image',
  usage: ['iso build <dir> --output <image.iso> [--label CIDATA] [--tool builtin|xorriso|…] [--force]'],
  description:
    'Long names survive through Joliet, so Windows Setup finds autounattend.xml. The built-in writer\nneeds no other tool and is deterministic (set SOURCE_DATE_EPOCH for the timestamp). Images are\ncreated 0600 because answer files hold recoverable passwords.',
  options: {
    output: { type: 'string', short: 'o', valueName: 'image.iso', description: 'Where to write the image' },
    label: { type: 'string', valueName: 'label', description: 'Volume label (default CIDATA)' },
    tool: {
      type: 'string',
      valueName: 'tool',
      description: `Writer: ${backends.join(', ')} (default builtin)`,
    },
    force: { type: 'boolean', description: 'Replace an existing image' },
  },
  examples: [['winguest iso build ./media -o cidata.iso', 'an image of ./media with the label CIDATA']],
  async run(context) {
    const [dir] = expectPositionals(context, 1, 'one directory', 'iso build');
    const { values, cwd, out } = context;
    if (typeof values.output !== 'string')
      throw new UsageError('--output <image.iso> is required', 'iso build');
    const tool = (values.tool ?? 'builtin') as Backend;
    if (!backends.includes(tool)) {
      throw new UsageError(
        `--tool ${JSON.stringify(tool)} is not one of ${backends.join(', ')}`,
        'iso build',
      );
    }
    const from = resolve(cwd, dir as string);
    const isDirectory = await stat(from).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (!isDirectory) {
      throw new CliError('not-a-directory', `${JSON.stringify(dir)} is not a directory`, {
        hint: 'pass the folder whose contents should become the image root',
      });
    }
    const destination = resolve(cwd, values.output);
    await assertWritable([destination], Boolean(values.force), cwd);
    const layout = [{ type: 'tree' as const, path: '', from }];
    const options = {
      volumeLabel: (values.label as string | undefined) ?? 'CIDATA',
      overwrite: Boolean(values.force),
    };
    if (tool === 'builtin') {
      const result = await writeIso(layout, destination, options);
      out.info(`wrote ${values.output} (${formatBytes(result.size)})`);
    } else {
      const { writeIsoWithTool } = await import('@winguest/cidata-iso/external-tools');
      await writeIsoWithTool(tool, layout, destination, options);
      out.info(`wrote ${values.output} with ${tool}`);
    }
    return 0;
  },
};

const ls: CommandDefinition = {
  name: 'iso ls',
  summary: 'List the files of an ISO image (Joliet names when present)',
  usage: ['iso ls <image.iso> [--json]'],
  options: { json: { type: 'boolean', description: 'Print entries as JSON' } },
  examples: [['winguest iso ls out/cidata.iso', 'check that autounattend.xml is on the media']],
  async run(context) {
    const [path] = expectPositionals(context, 1, 'one image path', 'iso ls');
    const image = await openImage(resolve(context.cwd, path as string));
    if (context.values.json) {
      context.out.json({
        volumeLabel: image.volumeLabel,
        joliet: image.joliet,
        entries: image.entries.map(({ path: p, type, size }) => ({ path: p, type, size })),
      });
      return 0;
    }
    context.out.info(`${printable(image.volumeLabel)} (${image.joliet ? 'Joliet' : 'ISO 9660 names only'})`);
    const rows = image.entries.map((e) => [
      e.type === 'directory' ? 'dir' : String(e.size),
      printable(e.type === 'directory' ? `${e.path}/` : e.path),
    ]);
    for (const line of table(['size', 'path'], rows)) context.out.line(line);
    return 0;
  },
};

const cat: CommandDefinition = {
  name: 'iso cat',
  summary: 'Write one file of an ISO image to stdout',
  usage: ['iso cat <image.iso> <path-in-image>'],
  examples: [
    ['winguest iso cat out/cidata.iso autounattend.xml | xmllint --noout -', 'check the answer file'],
  ],
  async run(context) {
    const [iso, entry] = expectPositionals(context, 2, 'an image path and a path inside it', 'iso cat');
    const image = await openImage(resolve(context.cwd, iso as string));
    const wanted = (entry as string).replace(/^\/+/, '');
    const found = image.entries.find(
      (e) => e.path.toLowerCase() === wanted.toLowerCase() && e.type === 'file',
    );
    if (!found) {
      throw new CliError('not-in-image', `${JSON.stringify(entry)} is not a file in ${iso}`, {
        hint: `list the files with \`winguest iso ls ${iso}\``,
      });
    }
    await pipeline(image.createReadStream(found.path), context.out.stdout, { end: false });
    return 0;
  },
};

async function openImage(path: string) {
  await assertReadableIso(path);
  return readIso(path);
}

export const isoCommand: CommandDefinition = {
  name: 'iso',
  summary: 'Build, list and read ISO 9660 + Joliet images',
  usage: ['iso build <dir> -o <image.iso>', 'iso ls <image.iso>', 'iso cat <image.iso> <path>'],
  subcommands: { build, ls, cat },
};
