import type { ResolvedCommand } from '../spec/resolve-spec';
import { element, listItem, value, type XmlTree } from './xml-tree';

function describe(command: ResolvedCommand): XmlTree | undefined {
  return command.description === undefined ? undefined : value('Description', command.description);
}

/** `RunSynchronous` of Microsoft-Windows-Setup or -Deployment: `Path` commands, Order 1..n. */
export function runSynchronous(commands: readonly ResolvedCommand[]): XmlTree | undefined {
  if (commands.length === 0) return undefined;
  const items = commands.map((command, index) =>
    listItem('RunSynchronousCommand', [
      describe(command),
      value('Order', index + 1),
      value('Path', command.command),
    ]),
  );
  return element('RunSynchronous', ...items);
}

/** `FirstLogonCommands`: `CommandLine` commands, Order 1..n. */
export function firstLogonCommands(commands: readonly ResolvedCommand[]): XmlTree | undefined {
  if (commands.length === 0) return undefined;
  const items = commands.map((command, index) =>
    listItem('SynchronousCommand', [
      value('CommandLine', command.command),
      describe(command),
      value('Order', index + 1),
    ]),
  );
  return element('FirstLogonCommands', ...items);
}
