import { fromBase64, toBase64 } from './base64';
import { PasswordFieldMismatchError } from './errors';
import { assertPasswordField, type PasswordField, passwordFields } from './password-field';
import { assertEncodablePassword, fromUtf16le, toUtf16le } from './utf16le';

/**
 * Encodes a password the way Windows Setup expects with `<PlainText>false</PlainText>`:
 * base64 of the UTF-16LE bytes of the password followed by the field name. Always padded.
 *
 * This hides the password from a casual glance; anyone with the file can decode it.
 *
 * @throws InvalidPasswordCharacterError for control characters, U+FFFE/U+FFFF and lone surrogates.
 */
export function encodePassword(password: string, field: PasswordField): string {
  assertPasswordField(field);
  assertEncodablePassword(password);
  return toBase64(toUtf16le(password + field));
}

/**
 * Decodes a `PlainText=false` value read from `field` and returns the password.
 * Missing `=` padding is accepted.
 *
 * Note that "AdministratorPassword" ends with "Password": a value encoded for AdministratorPassword
 * also decodes under `Password` (to the password followed by "Administrator"). Use
 * {@link passwordFieldsOf} to tell them apart.
 *
 * @throws InvalidEncodedPasswordError when the value is not base64 of UTF-16LE text.
 * @throws PasswordFieldMismatchError when the text does not end with `field`; it names the field it
 *   does end with, if any.
 */
export function decodePassword(value: string, field: PasswordField): string {
  assertPasswordField(field);
  const text = fromUtf16le(fromBase64(value));
  if (!text.endsWith(field)) {
    throw new PasswordFieldMismatchError(field, suffixesOf(text));
  }
  return text.slice(0, -field.length);
}

/**
 * The fields under which `value` decodes, longest suffix first; empty when it decodes under none
 * (including when it is not valid base64 of UTF-16LE).
 */
export function passwordFieldsOf(value: string): PasswordField[] {
  try {
    return suffixesOf(fromUtf16le(fromBase64(value)));
  } catch {
    return [];
  }
}

/** Whether `value` decodes as a password stored in `field`. */
export function isEncodedFor(value: string, field: PasswordField): boolean {
  return passwordFieldsOf(value).includes(field);
}

function suffixesOf(text: string): PasswordField[] {
  return passwordFields.filter((field) => text.endsWith(field));
}
