export { decodePassword, encodePassword, isEncodedFor, passwordFieldsOf } from './encode-password';
export {
  InvalidEncodedPasswordError,
  InvalidPasswordCharacterError,
  PasswordEncodingError,
  type PasswordEncodingErrorCode,
  PasswordFieldMismatchError,
} from './errors';
export { type PasswordField, passwordFields } from './password-field';
