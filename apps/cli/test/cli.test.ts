import { describe, expect, test } from 'vitest';
import packageJson from '../package.json' with { type: 'json' };
import { runCli } from './run-cli';

describe('winguest (root)', () => {
  test('--help lists every command and the exit codes, and exits 0', async () => {
    const result = await runCli(['--help']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^winguest \d+\.\d+\.\d+/);
    expect(result.stdout).toContain('password');
    expect(result.stdout).toContain('2 usage error');
    expect(result.stderr).toBe('');
  });

  test('no arguments prints the help to stdout and exits 2', async () => {
    const result = await runCli([]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toContain('Usage');
  });

  test('--version prints the package version', async () => {
    const result = await runCli(['--version']);
    expect(result).toMatchObject({ exitCode: 0, stdout: `${packageJson.version}\n` });
  });

  test('an unknown command is a usage error with a suggestion', async () => {
    const result = await runCli(['pasword']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("Unknown command 'pasword'; did you mean 'password'?");
    expect(result.stderr).toContain('hint: run `winguest --help`');
    expect(result.stdout).toBe('');
  });

  test('output is plain (no escape codes) when not a terminal', async () => {
    const result = await runCli(['pasword']);
    expect(result.stderr).not.toContain('\u001b[');
  });
});

describe('winguest password', () => {
  test('encode reads the password from stdin, so it never appears in argv', async () => {
    const result = await runCli(['password', 'encode'], { input: 'password' });
    expect(result).toMatchObject({ exitCode: 0, stdout: 'cABhAHMAcwB3AG8AcgBkAFAAYQBzAHMAdwBvAHIAZAA=\n' });
  });

  test('encode --field AdministratorPassword --json', async () => {
    const result = await runCli(['password', 'encode', '--field', 'AdministratorPassword', '--json'], {
      input: 'pw\n',
    });
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      field: 'AdministratorPassword',
      value: 'cAB3AEEAZABtAGkAbgBpAHMAdAByAGEAdABvAHIAUABhAHMAcwB3AG8AcgBkAA==',
    });
  });

  test('decode takes the field from the value when --field is absent', async () => {
    const result = await runCli([
      'password',
      'decode',
      'cAB3AEEAZABtAGkAbgBpAHMAdAByAGEAdABvAHIAUABhAHMAcwB3AG8AcgBkAA',
    ]);
    expect(result).toMatchObject({ exitCode: 0, stdout: 'pw\n' });
  });

  test('decoding a value for the wrong field fails with exit 1 and names the right field', async () => {
    const result = await runCli(['password', 'decode', '--field', 'AdministratorPassword'], {
      input: 'cABhAHMAcwB3AG8AcgBkAFAAYQBzAHMAdwBvAHIAZAA=',
    });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^error: .*encoded for <Password>/);
    expect(result.stderr).not.toContain('    at ');
  });

  test('--debug adds the stack trace', async () => {
    const result = await runCli(['password', 'decode', '--debug', 'not base64!']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('    at ');
  });

  test('an unknown flag is a usage error that suggests the right one', async () => {
    const result = await runCli(['password', 'encode', '--feild', 'x']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("Unknown option '--feild'; did you mean '--field'?");
  });

  test('a bad --field value names the value and the choices', async () => {
    const result = await runCli(['password', 'encode', '--field', 'pass'], { input: 'x' });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(
      '--field "pass" is not a password field; use Password or AdministratorPassword',
    );
  });

  test('the group without a subcommand shows its commands and exits 2', async () => {
    const result = await runCli(['password']);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toContain('password encode');
    expect(result.stdout).toContain('password decode');
  });

  test('--help on a leaf shows usage, options and examples', async () => {
    const result = await runCli(['password', 'encode', '--help']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Examples');
    expect(result.stdout).toContain('--field <field>');
  });
});
