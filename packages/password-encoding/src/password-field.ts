import { PasswordEncodingError } from './errors';

/**
 * The answer-file element that holds the value; Windows appends its name to the password before
 * encoding. `Password` serves LocalAccount and AutoLogon, `AdministratorPassword` serves
 * UserAccounts/AdministratorPassword.
 */
export type PasswordField = 'Password' | 'AdministratorPassword';

/** Every field, longest suffix first (AdministratorPassword itself ends with "Password"). */
export const passwordFields: readonly PasswordField[] = ['AdministratorPassword', 'Password'];

export function assertPasswordField(field: unknown): asserts field is PasswordField {
  if (!passwordFields.includes(field as PasswordField)) {
    throw new PasswordEncodingError(
      'invalid-field',
      `The field ${JSON.stringify(field)} is not a password field; use "Password" (LocalAccount, AutoLogon) or "AdministratorPassword".`,
    );
  }
}
