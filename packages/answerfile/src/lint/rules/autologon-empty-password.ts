import { decodePassword } from '@winguest/password-encoding';
import { childOf, type XmlElement } from '../../parse/model';
import type { LintRule } from '../lint-types';
import { shellSetupPage } from '../references';
import { isTrue, select, settingsIn, shellSetup, trimmed } from '../select';

/** The clear text of a `<Password>`-like element, or undefined when it cannot be read. */
function passwordText(element: XmlElement | undefined): string | undefined {
  if (!element) return '';
  const value = trimmed(childOf(element, 'Value')) ?? '';
  if (trimmed(childOf(element, 'PlainText'))?.toLowerCase() === 'true' || value === '') return value;
  try {
    return decodePassword(value, 'Password');
  } catch {
    return undefined; // not decodable: the password-encoding rule reports it
  }
}

/**
 * An automatic sign-in with an empty password: anyone at the console (or a remote desktop the
 * install opens) is that account. Often a password file that was empty, not a choice.
 */
export const autoLogonEmptyPassword: LintRule = {
  id: 'autologon-empty-password',
  summary: 'AutoLogon with an empty password signs anyone in as that account.',
  reference: shellSetupPage('AutoLogon/Password'),
  check(context) {
    const accounts = settingsIn(context, shellSetup, 'UserAccounts', 'LocalAccounts', 'LocalAccount');
    for (const autoLogon of settingsIn(context, shellSetup, 'AutoLogon')) {
      if (!isTrue(autoLogon, 'Enabled')) continue;
      const user = trimmed(childOf(autoLogon, 'Username'))?.toLowerCase();
      const account = accounts.find((a) => trimmed(childOf(a, 'Name'))?.toLowerCase() === user);
      const own = passwordText(childOf(autoLogon, 'Password'));
      const accountPassword = account ? passwordText(childOf(account, 'Password')) : undefined;
      if (own !== '' && accountPassword !== '') continue;
      context.report(
        autoLogon,
        'warning',
        `AutoLogon signs in "${user ?? ''}" with an empty password${select([autoLogon], 'Password').length ? '' : ' (no <Password>)'}: anyone at the console is that account; set a password (an empty password file is the usual cause).`,
      );
    }
  },
};
