import { describe, expect, test } from 'vitest';
import { parsePowerShell, syntaxErrors } from './__fixtures__/powershell-grammar';
import { commandCalls } from './__fixtures__/script-syntax';
import { InvalidInputError, launcherDefaults, maxCommandLineLength, renderLauncher } from './index';

const longest = { folder: 'f'.repeat(64), marker: 'm'.repeat(64), script: `${'s'.repeat(60)}.ps1` };

function commandOf(line: string): string {
  const match = /^powershell\.exe -NoProfile -ExecutionPolicy Bypass -Command "([^"]*)"$/.exec(line);
  if (!match?.[1]) throw new Error(`not a launcher line: ${line}`);
  return match[1];
}

describe('renderLauncher', () => {
  test('runs Windows PowerShell with -NoProfile -ExecutionPolicy Bypass and one double-quoted -Command', () => {
    expect(renderLauncher()).toMatch(/^powershell\.exe -NoProfile -ExecutionPolicy Bypass -Command "[^"]+"$/);
  });

  test('looks for <drive>\\winguest\\winguest.marker on every drive and runs provision.ps1 beside it', async () => {
    const calls = await commandCalls(`${commandOf(renderLauncher())}\n`);
    const [run, exit] = calls.filter((call) => call.name.startsWith('& ') || call.name === 'exit');
    expect(run?.name).toBe(`& ($w+'${launcherDefaults.script}')`);
    expect(
      run?.conditions.map((c) => [c.kind, c.commands.map((command) => [command.name, command.positional])]),
    ).toEqual([
      ['foreach', [['[IO.DriveInfo]::GetDrives', []]]],
      ['foreach', []],
      ['if', [['[IO.File]::Exists', [`$w+'${launcherDefaults.marker}'`]]]],
    ]);
    expect([exit?.positional, exit?.conditions.length]).toEqual([['$LASTEXITCODE'], 3]);
    expect(run?.conditions[1]?.text).toBe(`$w in ($d.Name+'${launcherDefaults.folder}'+'\\'),$d.Name`);
  });

  test('then looks for the marker at the root of each drive: flat media such as a KubeVirt sysprep volume', async () => {
    const calls = await commandCalls(`${commandOf(renderLauncher())}\n`);
    const run = calls.find((call) => call.name.startsWith('& '));
    // The candidates in order: the folder first, then the drive's root ($d.Name is `E:\`).
    const [, candidates] = /^\$w in (.*)$/.exec(run?.conditions[1]?.text ?? '') ?? [];
    expect(candidates?.split(/,(?=\$d\.Name$)/)).toEqual([
      `($d.Name+'${launcherDefaults.folder}'+'\\')`,
      '$d.Name',
    ]);
  });

  test('hard-codes no drive letter for the media (only the log on the system drive)', () => {
    const command = commandOf(renderLauncher()).replaceAll('C:\\ProgramData\\winguest', '');
    expect(command).not.toMatch(/[A-Za-z]:\\/);
  });

  test('takes folder, marker and script names as options', async () => {
    const options = { folder: 'cidata', marker: 'ours.tag', script: 'first-logon.ps1' };
    const calls = await commandCalls(`${commandOf(renderLauncher(options))}\n`);
    const run = calls.find((call) => call.name.startsWith('& '));
    expect(run?.name).toBe("& ($w+'first-logon.ps1')");
    expect(run?.conditions[2]?.commands[0]?.positional).toEqual(["$w+'ours.tag'"]);
    expect(run?.conditions[1]?.text).toBe("$w in ($d.Name+'cidata'+'\\'),$d.Name");
  });

  test.each([
    ['defaults', {}],
    ['the longest names', longest],
  ])('with %s the command parses with tree-sitter-powershell', async (_name, options) => {
    expect(syntaxErrors(await parsePowerShell(`${commandOf(renderLauncher(options))}\n`))).toEqual([]);
  });

  test(`stays within Windows Setup's ${maxCommandLineLength}-character limit with the longest names allowed`, () => {
    expect(renderLauncher(longest).length).toBeLessThanOrEqual(maxCommandLineLength);
  });

  test('contains nothing cmd.exe or an answer file would reinterpret (%, inner ")', () => {
    const line = renderLauncher(longest);
    expect(line).not.toContain('%');
    expect(commandOf(line)).not.toContain('"');
  });

  test('reports every bad option at once with its path', () => {
    let error: unknown;
    try {
      renderLauncher({ folder: 'a b', marker: '..\\x', script: 's'.repeat(65) });
    } catch (caught) {
      error = caught;
    }
    expect(InvalidInputError.isInstance(error)).toBe(true);
    expect((error as InvalidInputError).issues.map((issue) => issue.path)).toEqual([
      'folder',
      'marker',
      'script',
    ]);
    expect((error as InvalidInputError).message).toContain('"a b" is not a plain file name');
  });

  test('is deterministic', () => {
    expect(renderLauncher(longest)).toBe(renderLauncher({ ...longest }));
  });
});
