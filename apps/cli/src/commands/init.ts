import { resolve } from 'node:path';
import { guestJsonSchema, guestSchema } from '@winguest/guest';
import type { CommandDefinition } from '../command';
import { renderInitConfig } from '../config/render-init';
import { UsageError } from '../errors';
import { assertWritable, writeOutputs } from '../io/write-outputs';
import { version } from '../version';

/** Where editors fetch the config's JSON Schema (the file ships in the package as schema.json). */
export const schemaUrl = `https://unpkg.com/@winguest/cli@${version}/schema.json`;

export const initCommand: CommandDefinition = {
  name: 'init',
  summary: 'Write a commented winguest.yaml with every field and its default',
  usage: ['init [--family windows11] [--arch amd64] [-o winguest.yaml] [--force]'],
  description: 'The file links the JSON Schema, so editors with YAML support complete and check every field.',
  options: {
    family: {
      type: 'string',
      valueName: 'family',
      description: 'windows10, windows11, server2022 or server2025',
    },
    arch: { type: 'string', valueName: 'arch', description: 'amd64 or arm64' },
    output: {
      type: 'string',
      short: 'o',
      valueName: 'file',
      description: 'Where to write (default winguest.yaml)',
    },
    force: { type: 'boolean', description: 'Replace an existing file' },
  },
  examples: [
    ['winguest init', 'winguest.yaml for Windows 11 amd64'],
    ['winguest init --family server2025 --arch arm64 -o server.yaml', 'another release'],
  ],
  async run({ values, cwd, out }) {
    const chosen: Record<string, unknown> = {};
    if (typeof values.family === 'string') chosen.family = values.family;
    if (typeof values.arch === 'string') chosen.arch = values.arch;
    const checked = guestSchema.safeParse(chosen);
    if (!checked.success) {
      throw new UsageError(
        checked.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '),
        'init',
      );
    }
    const output = resolve(cwd, typeof values.output === 'string' ? values.output : 'winguest.yaml');
    await assertWritable([output], Boolean(values.force), cwd);
    const text = renderInitConfig(guestJsonSchema(), schemaUrl, { arch: 'amd64', ...chosen });
    await writeOutputs([{ path: output, content: text }]);
    out.info(
      `wrote ${typeof values.output === 'string' ? values.output : 'winguest.yaml'}; next: winguest build --iso <windows.iso>`,
    );
    return 0;
  },
};
