import { globalOptions } from './args';
import type { CommandDefinition, OptionDefinition } from './command';
import type { CommandEntry } from './commands/index';
import type { Output } from './output';

export function rootHelp(commands: CommandEntry[], version: string, out: Output): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `${out.bold('winguest')} ${version} — install Windows guests in QEMU unattended, get back an SSH-ready machine`,
    '',
    out.bold('Usage'),
    '  winguest <command> [options]',
    '  winguest <command> --help     help and examples for one command',
    '',
    out.bold('Commands'),
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    out.bold('Global options'),
    ...optionLines({
      ...globalOptions,
      version: { type: 'boolean', short: 'V', description: 'Print the version' },
    }),
    '',
    out.bold('Exit codes'),
    '  0 success · 1 failure · 2 usage error (unknown flag, bad argument)',
    '',
    out.bold('Environment'),
    '  WINGUEST_PASSWORD   password for the created account (never pass secrets as flags)',
    '  NO_COLOR            disable colour; output is plain when not a terminal',
  ].join('\n');
}

export function commandHelp(command: CommandDefinition, out: Output): string {
  const lines = [out.bold(`winguest ${command.name}`), `  ${command.summary}`, '', out.bold('Usage')];
  lines.push(...command.usage.map((u) => `  winguest ${u}`));
  if (command.description) lines.push('', ...command.description.split('\n').map((l) => (l ? `  ${l}` : '')));
  if (command.subcommands) {
    const subs = Object.values(command.subcommands);
    const width = Math.max(...subs.map((s) => s.name.length));
    lines.push('', out.bold('Commands'), ...subs.map((s) => `  ${s.name.padEnd(width)}  ${s.summary}`));
  }
  if (command.options && Object.keys(command.options).length > 0) {
    lines.push('', out.bold('Options'), ...optionLines(command.options));
  }
  lines.push('', out.bold('Global options'), ...optionLines(globalOptions));
  if (command.examples?.length) {
    lines.push('', out.bold('Examples'));
    for (const [example, explanation] of command.examples) {
      lines.push(`  ${out.dim(`# ${explanation}`)}`, `  $ ${example}`);
    }
  }
  return lines.join('\n');
}

function optionLines(options: Record<string, OptionDefinition>): string[] {
  const heads = Object.entries(options).map(([name, o]) => {
    const short = o.short ? `-${o.short}, ` : '    ';
    const value = o.type === 'string' ? ` <${o.valueName ?? 'value'}>` : '';
    return `${short}--${name}${value}`;
  });
  const width = Math.max(...heads.map((h) => h.length));
  return Object.values(options).map((o, i) => `  ${(heads[i] as string).padEnd(width)}  ${o.description}`);
}
