import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { scenarioInputs } from '../scenario/scenarios.ts';
import { parseScenarios } from '../scenario/select-scenarios.ts';
import type { CheckId } from './check-ids.ts';
import { checkCommand, evaluateCheck } from './checks.ts';
import { powershellCommand } from './powershell-command.ts';

const [standin, win11] = parseScenarios(scenarioInputs);
if (!standin || !win11) throw new Error('scenarios missing');
const password = 'Pa55-w0rd!';
const ok = (stdout: string) => ({ exitCode: 0, stdout, stderr: '' });

describe('check outputs are read into verdicts', () => {
  test.each<[string, CheckId, typeof win11, string, boolean]>([
    ['windows hostname (NetBIOS upper case)', 'hostname', win11, 'hostname=E2E-WIN11\r\n', true],
    ['windows wrong hostname', 'hostname', win11, 'hostname=DESKTOP-4F2K\r\n', false],
    ['stand-in hostname', 'hostname', standin, 'hostname=e2e-standin\n', true],
    [
      'windows admin by SID',
      'user-groups',
      win11,
      'user=winguest\r\ngroup=S-1-5-32-544\r\ngroup=Administratoren\r\n',
      true,
    ],
    [
      'windows user not admin',
      'user-groups',
      win11,
      'user=winguest\r\ngroup=S-1-5-32-545\r\ngroup=Users\r\n',
      false,
    ],
    ['windows other user', 'user-groups', win11, 'user=Administrator\r\ngroup=S-1-5-32-544\r\n', false],
    ['stand-in root in root', 'user-groups', standin, 'user=root\ngroup=root\n', true],
    ['sshd running + automatic', 'sshd', win11, 'status=Running\r\nstartType=Automatic\r\n', true],
    ['sshd running but manual', 'sshd', win11, 'status=Running\r\nstartType=Manual\r\n', false],
    ['sshd stopped', 'sshd', win11, 'status=Stopped\r\nstartType=Automatic\r\n', false],
    ['dropbear running and listening', 'sshd', standin, 'status=Running\nlistening=22\n', true],
    ['dropbear not listening', 'sshd', standin, 'status=Running\n', false],
    [
      'log ends ready',
      'provisioning-log',
      win11,
      '\uFEFFWINGUEST power start\r\nWINGUEST power ok 0.52\r\n# changed\r\nWINGUEST ready\r\n',
      true,
    ],
    ['log with a failed step', 'provisioning-log', win11, 'WINGUEST openssh fail 3.10 no MSI\r\n', false],
    ['log cut short', 'provisioning-log', win11, 'WINGUEST openssh start\r\n', false],
    [
      'stand-in log (uptime prefix)',
      'provisioning-log',
      standin,
      '3.10 WINGUEST openssh ok 0.20\n3.11 WINGUEST ready\n',
      true,
    ],
    ['no cached answer file', 'answer-file-secrets', win11, '', true],
    [
      'Panther copy with masked passwords',
      'answer-file-secrets',
      win11,
      '=== file C:\\Windows\\Panther\\unattend.xml\r\n<AutoLogon><Password>*SENSITIVE*DATA*DELETED*</Password><Username>winguest</Username></AutoLogon>\r\n',
      true,
    ],
    [
      'Panther copy with the encoded password',
      'answer-file-secrets',
      win11,
      `=== file C:\\Windows\\Panther\\unattend.xml\r\n<Password><Value>${Buffer.from(`${password}Password`, 'utf16le').toString('base64')}</Value><PlainText>false</PlainText></Password>\r\n`,
      false,
    ],
    [
      'an unmasked value of another password',
      'answer-file-secrets',
      win11,
      '=== file x.xml\n<AdministratorPassword><Value>abc</Value></AdministratorPassword>\n',
      false,
    ],
    [
      'the plain password anywhere',
      'answer-file-secrets',
      standin,
      `=== file /etc/unattend.xml\nlogin ${password}\n`,
      false,
    ],
    [
      'windows zone and locales',
      'time-zone-locale',
      win11,
      'timeZone=W. Europe Standard Time\r\nuiLanguage=en-US\r\nuserLocale=en-US\r\nsystemLocale=en-US\r\n',
      true,
    ],
    [
      'windows wrong system locale',
      'time-zone-locale',
      win11,
      'timeZone=W. Europe Standard Time\r\nuiLanguage=en-US\r\nuserLocale=en-US\r\nsystemLocale=de-DE\r\n',
      false,
    ],
    [
      'windows wrong zone',
      'time-zone-locale',
      win11,
      'timeZone=UTC\r\nuiLanguage=en-US\r\nuserLocale=en-US\r\nsystemLocale=en-US\r\n',
      false,
    ],
    ['stand-in zone', 'time-zone-locale', standin, 'timeZone=UTC\n', true],
  ])('%s', (_name, id, scenario, stdout, passed) => {
    const outcome = evaluateCheck(id, ok(stdout), { scenario, password });
    expect(outcome.passed, outcome.detail).toBe(passed);
    expect(outcome.detail).not.toBe('');
  });

  test('a command that failed fails its check with the error it printed', () => {
    const outcome = evaluateCheck(
      'sshd',
      { exitCode: 1, stdout: '', stderr: "Get-Service : Cannot find any service with service name 'sshd'." },
      { scenario: win11, password },
    );
    expect(outcome).toEqual({
      passed: false,
      detail: expect.stringContaining(
        "exited 1: Get-Service : Cannot find any service with service name 'sshd'.",
      ),
    });
  });

  test('the leak message names the file and never the password', () => {
    const outcome = evaluateCheck(
      'answer-file-secrets',
      ok(`=== file C:\\Windows\\Panther\\unattend.xml\n${password}\n`),
      { scenario: win11, password },
    );
    expect(outcome.detail).toBe('C:\\Windows\\Panther\\unattend.xml: the password in plain text');
  });

  test('any password Setup left encoded in a cached answer file is found', () => {
    fc.assert(
      fc.property(
        fc
          .string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
          .filter((p) => ![...p].some((c) => (c.codePointAt(0) as number) < 0x20 || c === '\x7f')),
        (secret) => {
          const value = Buffer.from(`${secret}AdministratorPassword`, 'utf16le').toString('base64');
          const dump = `=== file C:\\Windows\\Panther\\unattend.xml\n<AdministratorPassword><Value>${value}</Value></AdministratorPassword>\n`;
          expect(
            evaluateCheck('answer-file-secrets', ok(dump), { scenario: win11, password: secret }).passed,
          ).toBe(false);
        },
      ),
    );
  });
});

describe('commands', () => {
  test('Windows checks are PowerShell passed as -EncodedCommand (UTF-16LE base64), so no shell can mangle them', () => {
    const command = checkCommand('time-zone-locale', { scenario: win11, password }) as string;
    const [, encoded] = /-EncodedCommand (\S+)$/.exec(command) ?? [];
    const script = Buffer.from(encoded as string, 'base64').toString('utf16le');
    expect(script).toContain("'timeZone=' + (Get-TimeZone).Id");
    expect(script).toContain("$ProgressPreference = 'SilentlyContinue'");
  });

  test('the encoding round-trips any script text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (script) => {
        const encoded = powershellCommand(script).split(' ').at(-1) as string;
        expect(Buffer.from(encoded, 'base64').toString('utf16le').endsWith(`\n${script}`)).toBe(true);
        expect(encoded).toMatch(/^[A-Za-z0-9+/]*={0,2}$/);
      }),
    );
  });

  test('stand-in checks are plain shell; the shared folder is the virtiofs mount of its tag', () => {
    expect(checkCommand('hostname', { scenario: standin, password })).toBe('echo "hostname=$(hostname)"');
    expect(checkCommand('shared-folder', { scenario: standin, password })).toContain(
      "grep -q ' /mnt/winguest-e2e virtiofs ' /proc/mounts",
    );
    const context = { scenario: standin, password };
    const seen = (stdout: string) =>
      evaluateCheck('shared-folder', { exitCode: 0, stdout, stderr: '' }, context);
    expect(seen(`mounted=True\nmarker=${standin.name}\n`).passed).toBe(true);
    expect(seen('mounted=True\n')).toMatchObject({
      passed: false,
      detail: expect.stringContaining('marker missing'),
    });
    expect(seen('mounted=False\n').passed).toBe(false);
  });
});
