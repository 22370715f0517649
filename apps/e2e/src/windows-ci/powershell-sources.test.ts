import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { checks } from '../checks/checks.ts';
import { roundTripArgv, roundTripCommand, roundTripProblems } from './format-command-round-trip.ts';
import { cliCommandSources, commandFileSources, e2eCheckSources } from './powershell-sources.ts';

const cliSource = join(dirname(fileURLToPath(import.meta.url)), '../../../cli/src');

test('every e2e check with a Windows script is handed to the parser, for every Windows scenario', () => {
  const withWindows = Object.values(checks).filter((check) => check.script.windows !== undefined);
  const sources = e2eCheckSources();
  for (const scenario of ['win11-amd64', 'win11-secureboot-amd64', 'server2025-amd64']) {
    for (const check of withWindows)
      expect(sources.map((s) => s.file)).toContain(`e2e-${scenario}-${check.id}.ps1`);
  }
  // What runs in the guest: the harness's prelude, then the check's own script.
  const sshd = sources.find((source) => source.file === 'e2e-win11-amd64-sshd.ps1')?.text ?? '';
  expect(sshd.startsWith("\uFEFF$ProgressPreference = 'SilentlyContinue'")).toBe(true);
  expect(sshd).toContain(checks.sshd.script.windows?.({ scenario: {} as never, password: '' }) ?? 'missing');
});

test("the CLI's PowerShell commands are found in its source, unescaped", () => {
  const scripts = cliCommandSources(cliSource).map((source) => source.text);
  expect(scripts).toContain('Get-Content -Raw -LiteralPath C:\\ProgramData\\winguest\\provision.log\n');
});

test('the qemu.ps1 of every profile goes to the parser; the TPM one starts swtpm', () => {
  const sources = commandFileSources();
  expect(sources.map((s) => s.file)).toEqual([
    'qemu-uefi.ps1',
    'qemu-bios.ps1',
    'qemu-secureboot-tpm.ps1',
    'qemu-arm64.ps1',
  ]);
  expect(sources.find((s) => s.file === 'qemu-secureboot-tpm.ps1')?.text).toContain(
    'Start-Process -FilePath swtpm',
  );
});

test('a round trip holds only when every argument comes back unchanged', () => {
  const argv = roundTripArgv('powershell');
  expect(roundTripCommand('powershell', ['node', 'print.cjs'])).toMatch(
    /^& node print\.cjs plain 'with space' '' /,
  );
  expect(roundTripProblems('powershell', JSON.stringify(argv))).toEqual([]);
  const changed = argv.map((arg) => (arg === '%PATH%' ? 'C:\\Windows' : arg));
  expect(roundTripProblems('powershell', JSON.stringify(changed))).toEqual([
    `powershell: argument ${argv.indexOf('%PATH%')} is "C:\\\\Windows", expected "%PATH%"`,
  ]);
  expect(roundTripArgv('cmd')).not.toContain('two\nlines');
});
