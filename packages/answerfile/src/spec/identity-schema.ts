import { encodePassword, PasswordEncodingError } from '@winguest/password-encoding';
import * as z from 'zod';
import { computerNameProblem, reservedUserNameProblem, userNameProblem } from '../names';
import { checkWith, lineOfText } from './fields';

function passwordProblem(password: string): string | undefined {
  try {
    encodePassword(password, 'Password');
    return undefined;
  } catch (error) {
    return PasswordEncodingError.isInstance(error) ? error.message : String(error);
  }
}

/** A password; written encoded (`PlainText=false`), never in the clear. May be empty. */
const password = z.string().superRefine(checkWith(passwordProblem));

/** A local account created during OOBE. */
export const accountSchema = z.strictObject({
  /** Account name: ≤ 20 characters, none of `"/\[]:;|=,+*?<>@%`, not reserved. */
  name: z
    .string()
    .superRefine(checkWith((name: string) => userNameProblem(name) ?? reservedUserNameProblem(name)))
    .describe('Account name: at most 20 characters, none of "/\\[]:;|=,+*?<>@%, not a reserved name.'),
  /** The account's password (may be empty); written encoded. */
  password: password.describe('The password (may be empty); written encoded, PlainText=false.'),
  /** Local group: `Administrators` (default) or `Users` (the English names, on every display language). */
  group: z
    .enum(['Administrators', 'Users'])
    .default('Administrators')
    .describe('Local group; the English name works on every display language.'),
  /** Name shown on the sign-in screen. */
  displayName: lineOfText(256, 'DisplayName').optional().describe('Name shown on the sign-in screen.'),
  /** Account description. */
  description: lineOfText(256, 'Description').optional().describe('Account description.'),
});

/** Automatic sign-in after setup. */
export const autoLogonSchema = z.strictObject({
  /** Account to sign in; defaults to the first administrator in `accounts`. */
  username: z.string().optional().describe('Account to sign in; defaults to the first administrator.'),
  /**
   * How many automatic sign-ins. Windows signs in once more than LogonCount says; the generator
   * compensates (and for exactly one, resets AutoLogonCount in the first FirstLogonCommand).
   */
  count: z.int().min(1).max(999).default(1).describe('How many automatic sign-ins (exact).'),
});

/** Who the machine is: its name and accounts. */
export const identitySchema = z
  .strictObject({
    /** ≤ 15 letters, digits and hyphens, not only digits; `*` for a random name. */
    computerName: z
      .string()
      .default('*')
      .superRefine(checkWith(computerNameProblem))
      .describe('At most 15 letters, digits and hyphens, not only digits; "*" for a random name.'),
    /** Local accounts; at least one administrator. */
    accounts: z.array(accountSchema).min(1, { error: 'is empty; add at least one account' }),
    /** Password of the built-in Administrator (which stays disabled unless used for AutoLogon). */
    administratorPassword: password.optional().describe('Password of the built-in Administrator account.'),
    /** Automatic sign-in; omit for none. */
    autoLogon: autoLogonSchema.optional().describe('Automatic sign-in; omit for none.'),
  })
  .describe('Computer name and accounts.');
