import {
  decodePassword,
  encodePassword,
  type PasswordField,
  passwordFields,
  passwordFieldsOf,
} from '@winguest/password-encoding';
import type { CommandContext, CommandDefinition } from '../command';
import { UsageError } from '../errors';
import { readStdin } from '../read-secret';

const fieldOption = {
  type: 'string',
  valueName: 'field',
  description: 'Password (LocalAccount, AutoLogon) or AdministratorPassword',
} as const;

const jsonOption = { type: 'boolean', description: 'Print { field, value } as JSON' } as const;

async function input(context: CommandContext, what: string): Promise<string> {
  if (context.positionals.length > 1) {
    throw new UsageError(`Expected at most one ${what}, got ${context.positionals.length}`, 'password');
  }
  const [given] = context.positionals;
  if (given !== undefined) return given;
  if (context.stdin.isTTY) context.out.info(`Type the ${what}, then press Enter and Ctrl-D:`);
  return readStdin(context.stdin);
}

function fieldOf(context: CommandContext, command: string): PasswordField | undefined {
  const field = context.values.field;
  if (field === undefined) return undefined;
  if (!passwordFields.includes(field as PasswordField)) {
    throw new UsageError(
      `--field ${JSON.stringify(field)} is not a password field; use Password or AdministratorPassword`,
      command,
    );
  }
  return field as PasswordField;
}

const encode: CommandDefinition = {
  name: 'password encode',
  summary: 'Encode a password for an answer file',
  usage: ['password encode [--field Password|AdministratorPassword] [password]'],
  description:
    'Without a password argument it is read from stdin, which keeps it out of shell history and of\nthe process list. This is obfuscation, not encryption: anyone with the file can decode it.',
  options: { field: fieldOption, json: jsonOption },
  examples: [
    ["printf '%s' 'S3cret!' | winguest password encode", 'encode for <LocalAccount>/<AutoLogon> <Password>'],
    ['winguest password encode --field AdministratorPassword < pw.txt', 'for the built-in Administrator'],
  ],
  async run(context) {
    const field = fieldOf(context, 'password encode') ?? 'Password';
    const value = encodePassword(await input(context, 'password'), field);
    // The output is the secret the user asked for: printed as is, never redacted.
    if (context.values.json) context.out.secretLine(JSON.stringify({ field, value }, null, 2));
    else context.out.secretLine(value);
    return 0;
  },
};

const decode: CommandDefinition = {
  name: 'password decode',
  summary: 'Decode a PlainText=false value from an answer file',
  usage: ['password decode [--field Password|AdministratorPassword] [value]'],
  description:
    'Without --field the field is taken from the value itself (the longest matching suffix).\nWithout a value argument it is read from stdin.',
  options: { field: fieldOption, json: jsonOption },
  examples: [['winguest password decode cABhAHMAcwB3AG8AcgBkAFAAYQBzAHMAdwBvAHIAZAA=', 'prints: password']],
  async run(context) {
    const value = (await input(context, 'encoded value')).trim();
    const field = fieldOf(context, 'password decode') ?? passwordFieldsOf(value)[0] ?? 'Password';
    const password = decodePassword(value, field);
    if (context.values.json) context.out.secretLine(JSON.stringify({ field, password }, null, 2));
    else context.out.secretLine(password);
    return 0;
  },
};

export const passwordCommand: CommandDefinition = {
  name: 'password',
  summary: 'Encode or decode an answer-file password value (PlainText=false)',
  usage: ['password encode [--field …] [password]', 'password decode [--field …] [value]'],
  subcommands: { encode, decode },
};
