/**
 * The naming rules Windows applies to local accounts and computer names. The spec schema and the
 * linter share these functions so that both say the same thing about the same value.
 */

/** Local account names Windows reserves (compared case-insensitively). */
export const reservedUserNames: readonly string[] = [
  'administrator',
  'guest',
  'defaultaccount',
  'system',
  'network service',
  'local service',
  'none',
  'wdagutilityaccount',
];

const forbiddenUserNameCharacters = '"/\\[]:;|=,+*?<>@%';

/** Why `name` cannot be a local account name (format only), or undefined when it can. */
export function userNameProblem(name: string): string | undefined {
  const shown = JSON.stringify(name);
  if (name.length === 0) return 'is empty; give the account a name';
  if ([...name].length > 20) return `${shown} is longer than 20 characters; shorten it`;
  for (const char of name) {
    if (forbiddenUserNameCharacters.includes(char)) {
      return `${shown} contains "${char}", which Windows does not allow in user names (${forbiddenUserNameCharacters})`;
    }
  }
  const text = textProblem(name);
  if (text) return `${shown} ${text}`;
  if (/^[. ]+$/.test(name)) return `${shown} consists only of dots and spaces; use letters or digits`;
  if (name.endsWith('.')) return `${shown} ends with a period, which Windows does not allow; remove it`;
  return undefined;
}

/** Why `name` is reserved, or undefined when it is free to use for a new local account. */
export function reservedUserNameProblem(name: string): string | undefined {
  if (!reservedUserNames.includes(name.toLowerCase())) return undefined;
  return `${JSON.stringify(name)} is reserved by Windows; choose another name`;
}

/** Why `name` cannot be a computer name, or undefined when it can (`*` asks for a random name). */
export function computerNameProblem(name: string): string | undefined {
  const shown = JSON.stringify(name);
  if (name === '*') return undefined;
  if (name.length === 0) return 'is empty; give a name or "*" for a random one';
  if (!/^[A-Za-z0-9-]+$/.test(name)) {
    return `${shown} may contain only letters A–Z, digits and hyphens (or be "*" for a random name)`;
  }
  if (name.length > 15) return `${shown} is longer than 15 characters; shorten it`;
  if (/^[0-9]+$/.test(name)) return `${shown} consists only of digits; add a letter`;
  return undefined;
}

/**
 * Why `text` cannot be carried as a single-line answer-file value (a command, a description, a
 * display name), or undefined when it can: control characters (Setup reads these values as one
 * line, and XML would turn a carriage return into a line feed), U+FFFE/U+FFFF and lone surrogates
 * (XML cannot carry them).
 */
export function textProblem(text: string): string | undefined {
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    const isHigh = unit >= 0xd800 && unit <= 0xdbff;
    const next = text.charCodeAt(index + 1);
    if (isHigh && next >= 0xdc00 && next <= 0xdfff) {
      index++;
      continue;
    }
    if (
      unit < 0x20 ||
      unit === 0x7f ||
      unit === 0xfffe ||
      unit === 0xffff ||
      (unit >= 0xd800 && unit <= 0xdfff)
    ) {
      const code = `U+${unit.toString(16).toUpperCase().padStart(4, '0')}`;
      return `contains the character ${code} at index ${index}, which an answer-file value cannot carry; remove it`;
    }
  }
  return undefined;
}
