import { encodePassword } from '@winguest/password-encoding';
import { describe, expect, test } from 'vitest';
import { shell } from '../../__fixtures__/documents';
import { lintAnswerFile } from '../../index';

const secret = (element: string, password: string, plain = false) =>
  `<${element}><Value>${plain ? password : encodePassword(password, 'Password')}</Value><PlainText>${plain}</PlainText></${element}>`;
const account = (password: string) =>
  `<UserAccounts><LocalAccounts><LocalAccount wcm:action="add"><Name>dev</Name><Group>Administrators</Group>${secret('Password', password)}</LocalAccount></LocalAccounts></UserAccounts>`;
const autoLogon = (password: string | undefined, enabled = 'true') =>
  `<AutoLogon><Enabled>${enabled}</Enabled><LogonCount>1</LogonCount><Username>dev</Username>${password === undefined ? '' : secret('Password', password)}</AutoLogon>`;
const findings = (xml: string) => lintAnswerFile(xml).filter((f) => f.ruleId === 'autologon-empty-password');

describe('autologon-empty-password', () => {
  test.each([
    ['an encoded empty AutoLogon password', account('Pa55-word') + autoLogon('')],
    ['an empty account password', account('') + autoLogon('Pa55-word')],
    ['no AutoLogon <Password>', account('') + autoLogon(undefined)],
    [
      'a plain-text empty password',
      `${account('Pa55-word')}<AutoLogon><Enabled>true</Enabled><Username>dev</Username>${secret('Password', '', true)}</AutoLogon>`,
    ],
  ])('warns for %s', (_what, body) => {
    const [finding, ...more] = findings(shell('oobeSystem', body));
    expect(more).toEqual([]);
    expect(finding?.severity).toBe('warning');
    expect(finding?.message).toMatch(/AutoLogon signs in "dev" with an empty password/);
  });

  test.each([
    ['a password on both', account('Pa55-word') + autoLogon('Pa55-word')],
    ['AutoLogon disabled', account('') + autoLogon('', 'false')],
  ])('no warning for %s', (_what, body) => {
    expect(findings(shell('oobeSystem', body))).toEqual([]);
  });
});
