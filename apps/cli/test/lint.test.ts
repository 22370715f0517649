import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { presets, renderAnswerFile } from '@winguest/answerfile';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from './run-cli';

let dir: string;
let work: string;
const xml = renderAnswerFile(presets.windows11({ user: { name: 'dev', password: 'pw' } }));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'winguest-cli-lint-'));
  work = join(dir, 'work');
  mkdirSync(join(work, 'sub'), { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function utf16(text: string, endian: 'le' | 'be'): Buffer {
  const bytes = Buffer.from(text.replace('encoding="utf-8"', 'encoding="utf-16"'), 'utf16le');
  if (endian === 'be') bytes.swap16();
  return Buffer.concat([Buffer.from(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), bytes]);
}

describe('winguest lint', () => {
  test('prints each path as it was given: absolute stays absolute, relative stays relative', async () => {
    const bad = xml.replace('<ComputerName>', '<ComputerName>x_');
    const absolute = join(dir, 'outside.xml');
    writeFileSync(absolute, bad);
    writeFileSync(join(work, 'sub', 'inside.xml'), bad);
    const result = await runCli(['lint', absolute, './sub/inside.xml', '../outside.xml'], { cwd: work });
    expect(result.exitCode).toBe(1);
    const files = result.stdout
      .split('\n')
      .filter((line) => / {2}error {2}computer-name /.test(line))
      .map((line) => line.slice(0, line.indexOf(':', 1)));
    expect(files).toEqual([absolute, './sub/inside.xml', '../outside.xml']);
    expect(result.stdout).not.toContain('../..');
    expect(result.stdout).toMatch(
      /\n {4}see https:\/\/learn\.microsoft\.com\/en-us\/windows-hardware\/customize\/desktop\/unattend\/microsoft-windows-shell-setup-computername\n/,
    );
  });

  test.each([
    ['UTF-8 without BOM', Buffer.from(xml, 'utf8')],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml, 'utf8')])],
    ['UTF-16LE with BOM (Windows PowerShell Out-File)', utf16(xml, 'le')],
    ['UTF-16BE with BOM', utf16(xml, 'be')],
  ])('reads %s like Setup does: a clean file exits 0', async (name, bytes) => {
    const file = `${name.replaceAll(/\W+/g, '-')}.xml`;
    writeFileSync(join(work, file), bytes);
    const result = await runCli(['lint', '--format', 'json', '--arch', 'amd64', file], { cwd: work });
    expect(result.exitCode, result.stdout).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([{ file, findings: [] }]);
  });
});
