import { resolve } from 'node:path';
import type { CommandDefinition } from '../command';
import { configOptions } from '../config/config-options';
import { CliError } from '../errors';
import { assertWritable, writeOutputs } from '../io/write-outputs';
import { prepareBuild } from '../plan/prepare-build';

export const answerfileCommand: CommandDefinition = {
  name: 'answerfile',
  summary: 'Print (or write) the autounattend.xml for the config',
  usage: ['answerfile [-o autounattend.xml] [--iso windows.iso] [--config winguest.yaml]'],
  description: [
    'The same answer file `winguest build` writes. The password comes from WINGUEST_PASSWORD or',
    '--password-file: a generated one would be lost here, so it is required. With -o the file is',
    'created 0600 (it holds a recoverable password).',
  ].join('\n'),
  options: {
    output: {
      type: 'string',
      short: 'o',
      valueName: 'file',
      description: 'Write to a file instead of stdout',
    },
    force: { type: 'boolean', description: 'Replace an existing file' },
    ...configOptions,
  },
  examples: [
    ['WINGUEST_PASSWORD=… winguest answerfile | winguest lint /dev/stdin', 'render and check'],
    ['winguest answerfile --password-file pw.txt --family server2025 -o autounattend.xml', 'to a file'],
  ],
  async run(context) {
    const output =
      typeof context.values.output === 'string' ? resolve(context.cwd, context.values.output) : undefined;
    if (output) await assertWritable([output], Boolean(context.values.force), context.cwd);
    const prepared = await prepareBuild(context, undefined, [], { withDrivers: false });
    if (prepared.password.source === 'generated') {
      throw new CliError('password-required', 'No password given for the account', {
        hint: 'set WINGUEST_PASSWORD or pass --password-file (or use `winguest build`, which stores a generated one)',
      });
    }
    if (output) {
      await writeOutputs([{ path: output, content: prepared.plan.answerFile, secret: true }]);
      context.out.info(`wrote ${context.values.output} (0600)`);
    } else {
      context.out.stdout.write(prepared.plan.answerFile);
    }
    return 0;
  },
};
