import { describe, expect, test } from 'vitest';
import { minimalSpec } from '../__fixtures__/specs';
import {
  AnswerFileError,
  type AnswerFileSpec,
  type AnswerFileSpecError,
  renderAnswerFile,
  resolveAnswerFileSpec,
} from '../index';

function issuesOf(spec: unknown) {
  try {
    resolveAnswerFileSpec(spec as AnswerFileSpec);
  } catch (error) {
    if (AnswerFileError.isInstance(error) && error.code === 'invalid-spec')
      return (error as AnswerFileSpecError).issues;
    throw error;
  }
  throw new Error('expected the spec to be rejected');
}

const account = { name: 'dev', password: 'pw' };
const withIdentity = (identity: object) => ({ identity: { accounts: [account], ...identity } });

describe('resolveAnswerFileSpec', () => {
  test('applies every default to a minimal spec', () => {
    const resolved = resolveAnswerFileSpec(minimalSpec);
    expect(resolved.target).toEqual({ arch: 'amd64', firmware: 'uefi', family: 'windows11' });
    expect(resolved.edition).toEqual({ key: '/IMAGE/NAME', value: 'Windows 11 Pro' });
    expect(resolved.disk).toEqual({ diskId: 0, wipe: true, espSizeMb: 100 });
    expect(resolved.locale).toEqual({
      uiLanguage: 'en-US',
      setupUiLanguage: 'en-US',
      inputLocales: ['en-US'],
      systemLocale: 'en-US',
      userLocale: 'en-US',
      timeZone: 'UTC',
    });
    expect(resolved.identity).toMatchObject({
      computerName: '*',
      accounts: [{ ...account, group: 'Administrators' }],
    });
    expect(resolved).toMatchObject({
      bypassHardwareChecks: true,
      disableDynamicUpdate: true,
      progress: false,
    });
  });

  test.each([
    [{ target: { arch: 'x86' } }, 'target.arch', /expected one of "amd64"\|"arm64".*\(got "x86"\)/],
    [{ edition: { productKey: 'ABCDE-12345' } }, 'edition.productKey', /is not a product key/],
    [
      { ...minimalSpec, edition: { name: 'Pro', index: 2 } },
      'edition',
      /gives name and index; choose the image by one of them only/,
    ],
    [{ disk: { espSizeMb: 300 } }, 'disk.espSizeMb', /\(got 300\)/],
    [{ disk: { recovery: { sizeMb: 200 } } }, 'disk.recovery.sizeMb', /\(got 200\)/],
    [
      { locale: { timeZone: 'Mars/Olympus' } },
      'locale.timeZone',
      /"Mars\/Olympus" is neither a Windows time zone ID nor an IANA name/,
    ],
    [{ locale: { timeZone: 'europe/berlin' } }, 'locale.timeZone', /did you mean "Europe\/Berlin"\?/],
    [
      { locale: { uiLanguage: 'english' } },
      'locale.uiLanguage',
      /is not a language tag like "en-US" \(got "english"\)/,
    ],
    [
      withIdentity({ computerName: 'THIS-NAME-IS-TOO-LONG' }),
      'identity.computerName',
      /"THIS-NAME-IS-TOO-LONG" is longer than 15 characters/,
    ],
    [withIdentity({ computerName: '2024' }), 'identity.computerName', /"2024" consists only of digits/],
    [withIdentity({ computerName: 'my_pc' }), 'identity.computerName', /"my_pc" may contain only letters/],
    [{ identity: { accounts: [] } }, 'identity.accounts', /is empty; add at least one account/],
    [
      { identity: { accounts: [{ ...account, group: 'Users' }] } },
      'identity.accounts',
      /no account in the Administrators group/,
    ],
    [
      { identity: { accounts: [account, { name: 'DEV', password: '' }] } },
      'identity.accounts[1].name',
      /"DEV" is already the name of accounts\[0\]/,
    ],
    [
      { identity: { accounts: [account, { name: 'Guest', password: '' }] } },
      'identity.accounts[1].name',
      /"Guest" is reserved by Windows/,
    ],
    [
      { identity: { accounts: [{ name: 'a:b', password: '' }] } },
      'identity.accounts[0].name',
      /"a:b" contains ":"/,
    ],
    [
      { identity: { accounts: [{ name: 'abcdefghijklmnopqrstu', password: '' }] } },
      'identity.accounts[0].name',
      /longer than 20 characters/,
    ],
    [
      { identity: { accounts: [{ name: 'dev.', password: '' }] } },
      'identity.accounts[0].name',
      /ends with a period/,
    ],
    [
      { identity: { accounts: [{ name: '. .', password: '' }] } },
      'identity.accounts[0].name',
      /only of dots and spaces/,
    ],
    [
      withIdentity({ autoLogon: { username: 'nobody' } }),
      'identity.autoLogon.username',
      /"nobody" is not one of the accounts \("dev"\)/,
    ],
    [withIdentity({ autoLogon: { count: 0 } }), 'identity.autoLogon.count', /\(got 0\)/],
    [
      { ...minimalSpec, commands: { firstLogon: ['x'.repeat(1025)] } },
      'commands.firstLogon[0]',
      /is 1025 characters long; <CommandLine> allows at most 1024/,
    ],
    [
      { ...minimalSpec, commands: { specialize: ['x'.repeat(260)] } },
      'commands.specialize[0]',
      /<Path> allows at most 259/,
    ],
    [
      { ...minimalSpec, commands: { firstLogon: [{ command: 'a', description: 'd'.repeat(257) }] } },
      'commands.firstLogon[0].description',
      /<Description> allows at most 256/,
    ],
    [
      { ...minimalSpec, commands: { windowsPE: ['echo a\r\necho b'] } },
      'commands.windowsPE[0]',
      /contains the character U\+000D at index 6/,
    ],
    [
      { ...minimalSpec, commands: { firstLogon: Array(497).fill('x') } },
      'commands.firstLogon',
      /has 497 commands; at most 496 fit/,
    ],
    [{ ...minimalSpec, unknownField: 1 }, '', /Unrecognized key: "unknownField"/],
  ])('%j → %s', (spec, path, message) => {
    const issues = issuesOf(spec);
    const issue = issues.find((i) => i.path === path);
    expect(issue, JSON.stringify(issues)).toBeDefined();
    expect(issue?.message).toMatch(message);
  });

  test('reports every problem at once, each with its path and value', () => {
    const spec = {
      target: { firmware: 'efi' },
      identity: {
        computerName: '1234',
        accounts: [
          { name: 'Guest', password: 'x' },
          { name: 'a/b', password: '', group: 'Users' },
        ],
      },
      locale: { timeZone: 'Nowhere' },
    };
    const error = (() => {
      try {
        renderAnswerFile(spec as AnswerFileSpec);
      } catch (e) {
        return e as AnswerFileSpecError;
      }
    })();
    expect(AnswerFileError.isInstance(error)).toBe(true);
    expect(error?.issues.map((i) => [i.path, i.value])).toEqual([
      ['target.firmware', 'efi'],
      ['locale.timeZone', 'Nowhere'],
      ['identity.computerName', '1234'],
      ['identity.accounts[0].name', 'Guest'],
      ['identity.accounts[1].name', 'a/b'],
    ]);
    expect(error?.message).toContain('5 problems');
    expect(error?.message).toContain(
      'identity.accounts[0].name: "Guest" is reserved by Windows; choose another name',
    );
  });

  test('never echoes a password', () => {
    const issues = issuesOf({
      identity: { accounts: [{ name: 'dev', password: 'hunter2\u0007' }], administratorPassword: 42 },
    });
    expect(issues.map((i) => i.path)).toEqual([
      'identity.accounts[0].password',
      'identity.administratorPassword',
    ]);
    expect(issues[0]?.message).toMatch(/U\+0007 at index 7/);
    for (const issue of issues) {
      expect(issue.value).toBeUndefined();
      expect(issue.message).not.toMatch(/hunter2|42/);
    }
  });

  test('survives input of the wrong shape without crashing, reporting where', () => {
    expect(issuesOf({ identity: { accounts: 'dev' } }).map((i) => i.path)).toEqual(['identity.accounts']);
    expect(issuesOf(null).map((i) => i.path)).toEqual(['']);
  });
});
