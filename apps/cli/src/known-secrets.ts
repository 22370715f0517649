import { encodePassword, passwordFields } from '@winguest/password-encoding';
import type { Redactor } from '@winguest/shell';

/**
 * A password and every form it takes in our outputs: itself, and its `PlainText=false` encodings in
 * the answer file (`Password` and `AdministratorPassword` fields). A password the encoder refuses
 * has no encoded form.
 */
export function passwordForms(password: string): string[] {
  const forms = [password];
  for (const field of passwordFields) {
    try {
      forms.push(encodePassword(password, field));
    } catch {
      // not encodable: it can only appear as itself
    }
  }
  return forms;
}

/** Tells the redactor about a password (and its encodings) as soon as the CLI learns it. */
export function rememberPassword(redactor: Redactor, password: string): void {
  redactor.add(...passwordForms(password));
}
