import type { ResolvedAnswerFileSpec } from '../spec/answer-file-spec';
import { runSynchronous } from './command-lists';
import { component, settings } from './component';
import { bypassNroCommand, progressCommand } from './generated-commands';
import { value, type XmlTree } from './xml-tree';

/** The specialize pass: computer name, time zone and SYSTEM commands. */
export function renderSpecialize(spec: ResolvedAnswerFileSpec): XmlTree | undefined {
  const arch = spec.target.arch;
  const commands = [
    ...(spec.progress ? [progressCommand('specialize')] : []),
    ...(spec.oobe.bypassNetworkRequirement ? [bypassNroCommand()] : []),
    ...spec.commands.specialize,
  ];
  return settings('specialize', [
    component('Microsoft-Windows-Deployment', arch, [runSynchronous(commands)]),
    component('Microsoft-Windows-Shell-Setup', arch, [
      value('ComputerName', spec.identity.computerName),
      value('TimeZone', spec.locale.timeZone),
    ]),
  ]);
}
