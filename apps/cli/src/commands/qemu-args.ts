import { platform } from 'node:os';
import { formatCommand } from '@winguest/qemu-args';
import type { CommandDefinition } from '../command';
import { configOptions } from '../config/config-options';
import { UsageError } from '../errors';
import { hostShareChoice } from '../plan/host-share-mode';
import { planBuildCommand } from '../plan/plan-command-file';
import { resolveTarget } from '../plan/prepare-build';

const shells = ['posix', 'powershell', 'cmd'] as const;

export const qemuArgsCommand: CommandDefinition = {
  name: 'qemu-args',
  summary: 'Print the QEMU command line for the config (shell line or --json argv)',
  usage: ['qemu-args [--shell posix|powershell|cmd] [--json] [--iso windows.iso] [--config winguest.yaml]'],
  description: [
    'The command `winguest build` puts into qemu.sh, for a build folder (paths are relative to it).',
    "Firmware comes from QEMU's descriptors; the accelerator is the one a tiny test guest proves",
    "works for the guest's architecture (TCG for another architecture) unless vm.accelerator is tcg.",
  ].join('\n'),
  options: {
    shell: {
      type: 'string',
      valueName: 'shell',
      description: 'Quote for posix (default; powershell on Windows), powershell or cmd',
    },
    json: { type: 'boolean', description: 'Print { argv, warnings } as JSON' },
    ...configOptions,
  },
  examples: [
    ['winguest qemu-args --iso win11.iso', 'the shell line'],
    ['winguest qemu-args --json | jq -r ".argv[]"', 'one argument per line'],
  ],
  async run(context) {
    const shell = (context.values.shell ??
      (platform() === 'win32' ? 'powershell' : 'posix')) as (typeof shells)[number];
    if (!shells.includes(shell)) {
      throw new UsageError(
        `--shell ${JSON.stringify(shell)} is not one of ${shells.join(', ')}`,
        'qemu-args',
      );
    }
    const target = await resolveTarget(context);
    const shares = target.config.shares.length > 0 ? await hostShareChoice(context) : undefined;
    const { host, file: plan } = await planBuildCommand(
      context,
      target,
      shell === 'posix' ? 'posix' : 'powershell',
      shares,
    );
    const warnings = [...host.warnings, ...plan.warnings];
    if (context.values.json) {
      context.out.json({ argv: plan.argv, warnings, accelerator: host.acceleratorNote });
      return 0;
    }
    context.out.line(formatCommand(plan.argv, shell));
    for (const warning of warnings) context.out.info(`${context.out.yellow('warning:')} ${warning}`);
    return 0;
  },
};
