import { resolve } from 'node:path';
import { inspectInstallMedia } from '@winguest/install-media';
import type { CommandDefinition } from '../command';
import { CliError, UsageError } from '../errors';
import { pathProblem } from '../io/check-path';
import { formatBytes, table } from '../table';
import { printable } from '../terminal-text';

/** Fails early, with the path, when an ISO given on the command line is missing or unreadable. */
export async function assertReadableIso(path: string): Promise<void> {
  const problem = await pathProblem(path, 'file');
  if (problem) {
    throw new CliError('iso-missing', `The ISO ${JSON.stringify(path)} ${problem}`, {
      hint: 'check the path; download Windows media from Microsoft (evaluation ISOs work)',
    });
  }
}

const inspect: CommandDefinition = {
  name: 'media inspect',
  summary: 'Show the editions, architecture and languages of a Windows install ISO',
  usage: ['media inspect <windows.iso> [--json]'],
  description:
    'Reads the ISO directly (UDF or ISO 9660, then install.wim/esd/swm metadata) in milliseconds,\nwithout mounting or extracting it. Use the names or indexes it prints for `edition` in the config.',
  options: { json: { type: 'boolean', description: 'Print everything as JSON' } },
  examples: [
    ['winguest media inspect Win11_24H2_English_x64.iso', 'list editions to choose from'],
    ['winguest media inspect win.iso --json | jq ".images[].name"', 'edition names for scripts'],
  ],
  async run({ positionals, values, out, cwd }) {
    if (positionals.length !== 1) {
      throw new UsageError(`Expected one ISO path, got ${positionals.length}`, 'media inspect');
    }
    const path = resolve(cwd, positionals[0] as string);
    await assertReadableIso(path);
    const media = await inspectInstallMedia(path);
    if (values.json) {
      out.json(media);
      return 0;
    }
    const fs = media.fileSystem === 'udf' ? `UDF ${media.udfRevision ?? ''}`.trim() : media.fileSystem;
    const parts = media.parts > 1 ? ` (${media.parts} parts)` : '';
    out.line(`${out.bold(printable(media.label))}  ${fs}, ${media.installImage}${parts}`);
    const languages = printable(media.languages.join(', ')) || 'unknown';
    out.line(
      `arch: ${media.arch ?? 'unknown'}   languages: ${languages}   no-prompt boot image: ${media.noPromptBootImage ? 'yes' : 'no'}`,
    );
    out.line();
    // Every text field comes from the media's XML: escaped so a crafted name cannot drive the terminal.
    const rows = media.images.map((i) =>
      [
        String(i.index),
        i.name,
        i.editionId ?? '',
        i.arch ?? '',
        i.version ?? '',
        i.languages.join(','),
        formatBytes(i.size),
      ].map(printable),
    );
    for (const line of table(['#', 'name', 'edition ID', 'arch', 'version', 'languages', 'size'], rows)) {
      out.line(line);
    }
    return 0;
  },
};

export const mediaCommand: CommandDefinition = {
  name: 'media',
  summary: 'Inspect Windows install media',
  usage: ['media inspect <windows.iso> [--json]'],
  subcommands: { inspect },
};
