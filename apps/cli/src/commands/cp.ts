import { resolve } from 'node:path';
import type { CommandDefinition } from '../command';
import { vmErrorToCli } from '../vm/vm-error';
import { planCp } from './cp-operands';

export const cpCommand: CommandDefinition = {
  name: 'cp',
  summary: 'Copy a file into or out of an instance (SFTP over its own key)',
  usage: ['cp <src> <dst>   (one side is INSTANCE:PATH)'],
  description: [
    "Copies one file over SFTP with the instance's key; no ssh client is needed. The side in the",
    'guest is written INSTANCE:PATH. A destination that is a directory (or ends in /) keeps the',
    "file's name. Works on every host, also where no shared folder can run.",
  ].join('\n'),
  options: {
    json: { type: 'boolean', description: 'Print { from, to, bytes } as JSON' },
  },
  examples: [
    ['winguest cp ./report.txt dev:C:/Users/admin/', 'host → guest, into a folder'],
    ['winguest cp dev:C:/ProgramData/winguest/provision.log .', 'guest → host'],
  ],
  async run(context) {
    const plan = planCp(context.positionals);
    const { copyWithGuest } = await import('@winguest/vm');
    const result = await copyWithGuest(
      { name: plan.instance },
      { direction: plan.direction, hostPath: resolve(context.cwd, plan.hostPath), guestPath: plan.guestPath },
    ).catch((error: unknown) => {
      throw vmErrorToCli(error);
    });
    if (context.values.json) context.out.json(result);
    else context.out.line(`${result.from} → ${result.to} (${result.bytes} bytes)`);
    return 0;
  },
};
