import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodePassword } from '@winguest/password-encoding';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from './run-cli';

// Two known secrets: one in the environment, one in a password file (with a BOM and a newline).
const envSecret = 'Sup3rSecretXYZ';
const fileSecret = 'F1le-Secret.pw';
const forms = [envSecret, fileSecret].flatMap((secret) => [
  secret,
  encodePassword(secret, 'Password'),
  encodePassword(secret, 'AdministratorPassword'),
  Buffer.from(secret).toString('base64'),
]);

/** Configs that each fail validation in a way that used to echo a value. */
const badConfigs: Record<string, (secret: string) => string> = {
  'unknown key beside a password': (s) =>
    `answer:\n  identity:\n    accounts:\n      - name: b\n        password: ${s}\n        typo: 1\n`,
  'typo adminPassword': (s) => `computerName: a\nanswer:\n  identity:\n    adminPassword: ${s}\n`,
  'secret where a list belongs': (s) => `answer:\n  identity:\n    accounts: ${s}\n`,
  'secret as a user name': (s) => `user:\n  name: ${s}\n  fullName: 5\n`,
  'secret as a product key': (s) => `productKey: ${s}\n`,
  'secret as a disk size': (s) => `vm:\n  disk:\n    sizeGiB: ${s}\n`,
};
const commands = [['build', '--json'], ['up', '--json'], ['answerfile'], ['qemu-args', '--json']];

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'winguest-cli-secrets-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Every file's text under `dir` (logs, instance dirs, build folders). */
function allFileText(dir: string): string {
  let text = '';
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const path = join(dir, entry);
    if (statSync(path).isFile()) text += readFileSync(path, 'latin1') + readFileSync(path, 'utf16le');
  }
  return text;
}

describe('a known secret is never printed or logged', () => {
  // Each config once per command, the secret it holds alternating between the two.
  test.each(
    Object.entries(badConfigs).flatMap(([what, config], i) =>
      commands.map(
        (args, j) => [what, args.join(' '), (i + j) % 2 ? fileSecret : envSecret, config] as const,
      ),
    ),
  )('%s: winguest %s --debug (secret %s)', async (_what, args, secret, config) => {
    // Inputs (which hold the secret) apart from everything the command may write or log.
    const inputs = mkdtempSync(join(root, 'in-'));
    const work = mkdtempSync(join(root, 'out-'));
    writeFileSync(join(inputs, 'pw.txt'), `\uFEFF${fileSecret}\n`);
    writeFileSync(join(inputs, 'winguest.yaml'), config(secret));
    const flags = [
      '--debug',
      '--config',
      join(inputs, 'winguest.yaml'),
      '--password-file',
      join(inputs, 'pw.txt'),
    ];
    const result = await runCli([...args.split(' '), ...flags], {
      cwd: work,
      env: { HOME: work, WINGUEST_HOME: join(work, 'state'), WINGUEST_PASSWORD: envSecret },
    });
    expect(result.exitCode, result.stderr).not.toBe(0);
    expect(result.stderr).toContain('error:');
    const everything = `${result.stdout}\n${result.stderr}\n${allFileText(work)}`;
    for (const form of forms) expect(everything).not.toContain(form);
  });
});

describe('the password file', () => {
  const cases = [
    ['empty', '', /holds an empty password/],
    ['whitespace only', '  \n', /only of spaces/],
    ['a BOM and a newline only', '\uFEFF\r\n', /holds an empty password/],
  ] as const;
  test.each(cases)('%s is refused, not used as a blank password', async (_what, content, message) => {
    const work = mkdtempSync(join(root, 'pwfile-'));
    writeFileSync(join(work, 'pw.txt'), content);
    const result = await runCli(['build', '--password-file', 'pw.txt'], { cwd: work, env: { HOME: work } });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(readdirSync(work)).toEqual(['pw.txt']);
  });

  test('a BOM and the trailing newline are not part of the password', async () => {
    const work = mkdtempSync(join(root, 'bom-'));
    mkdirSync(join(work, 'home'));
    writeFileSync(join(work, 'pw.txt'), '\uFEFFPa55-word\r\n');
    const result = await runCli(['answerfile', '--password-file', 'pw.txt'], {
      cwd: work,
      env: { HOME: join(work, 'home'), WINGUEST_PASSWORD: '' },
    });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain(`<Value>${encodePassword('Pa55-word', 'Password')}</Value>`);
  });
});
