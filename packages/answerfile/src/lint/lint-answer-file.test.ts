import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { shell } from '../__fixtures__/documents';
import { fullWindows11Spec } from '../__fixtures__/specs';
import { type LintOptions, lintAnswerFile, parseAnswerFile, renderAnswerFile } from '../index';

const fixtures = new URL('../__fixtures__/real-world/', import.meta.url);

/** Each fixture with what it was written for. */
const realWorld: [string, LintOptions][] = [
  ['sim-uefi-recovery-first.xml', { arch: 'amd64', firmware: 'uefi' }],
  ['sim-bios-mbr.xml', { arch: 'amd64', firmware: 'bios' }],
  ['generator-diskpart-windows11.xml', { arch: 'amd64', firmware: 'uefi' }],
  ['vm-template-windows11-uefi.xml', { arch: 'amd64', firmware: 'uefi' }],
  ['packer-server2022-bios.xml', { arch: 'amd64', firmware: 'bios' }],
];

describe('answer files in the shapes people use', () => {
  test('every fixture is covered', () => {
    expect(readdirSync(fixtures).sort()).toEqual(realWorld.map(([name]) => name).sort());
  });

  test.each(realWorld)('%s lints with zero errors', (name, options) => {
    const xml = readFileSync(new URL(name, fixtures), 'utf8');
    expect(lintAnswerFile(xml, options).filter((f) => f.severity === 'error')).toEqual([]);
    expect(lintAnswerFile(xml).filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('the warnings they do get are the deprecated settings they use', () => {
    const xml = readFileSync(new URL('vm-template-windows11-uefi.xml', fixtures), 'utf8');
    const warnings = lintAnswerFile(xml).filter((f) => f.severity === 'warning');
    expect(warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/Shell-Setup\/OOBE\/SkipUserOOBE is deprecated/),
      expect.stringMatching(/Shell-Setup\/OOBE\/SkipMachineOOBE is deprecated/),
    ]);
  });
});

describe('lintAnswerFile', () => {
  test('points at the element: path, 1-based line and column', () => {
    const xml = shell('specialize', '  <ComputerName>my_pc</ComputerName>');
    const [finding] = lintAnswerFile(xml);
    const line = xml.split('\n')[(finding?.line ?? 0) - 1] ?? '';
    expect(finding).toMatchObject({
      ruleId: 'computer-name',
      path: "/unattend/settings[@pass='specialize']/component[@name='Microsoft-Windows-Shell-Setup']/ComputerName",
    });
    expect(line.slice((finding?.column ?? 0) - 1)).toMatch(/^<ComputerName>my_pc/);
  });

  test('takes a parsed model as well as text, with the same findings', () => {
    const xml = shell(
      'oobeSystem',
      '<OOBE><SkipMachineOOBE>true</SkipMachineOOBE></OOBE><ComputerName>PC</ComputerName>',
    );
    expect(lintAnswerFile(parseAnswerFile(xml))).toEqual(lintAnswerFile(xml));
  });

  test('sorts findings by position', () => {
    const xml = shell(
      'oobeSystem',
      '<ComputerName>a_b</ComputerName><OOBE><SkipUserOOBE>true</SkipUserOOBE></OOBE>',
    );
    const positions = lintAnswerFile(xml).map((f) => [f.line, f.column]);
    expect(positions).toEqual(
      [...positions].sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0) || (a[1] ?? 0) - (b[1] ?? 0)),
    );
    expect(positions.length).toBeGreaterThanOrEqual(3);
  });

  test('a rendered file with every option lints clean for its target', () => {
    expect(lintAnswerFile(renderAnswerFile(fullWindows11Spec), { arch: 'amd64', firmware: 'uefi' })).toEqual(
      [],
    );
  });

  test('the same file linted for the other firmware or architecture is flagged', () => {
    const xml = renderAnswerFile(fullWindows11Spec);
    expect(lintAnswerFile(xml, { firmware: 'bios' }).map((f) => f.ruleId)).toEqual([
      'partition-type',
      'partition-type',
    ]);
    const arm64 = lintAnswerFile(xml, { arch: 'arm64' });
    expect(new Set(arm64.map((f) => `${f.ruleId} ${f.severity}`))).toEqual(
      new Set(['target-architecture info', 'unattended-install error']),
    );
    expect(arm64.filter((f) => f.severity === 'error').map((f) => f.message)).toContain(
      'On arm64 media Setup stops at the license terms and disk pages (windowsPE has no Microsoft-Windows-Setup component for it); add a Microsoft-Windows-Setup component to windowsPE (processorArchitecture="arm64").',
    );
  });
});
