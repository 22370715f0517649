import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { shell } from '../__fixtures__/documents';
import { fullWindows11Spec } from '../__fixtures__/specs';
import {
  decodeAnswerFile,
  type LintOptions,
  lintAnswerFile,
  parseAnswerFile,
  renderAnswerFile,
} from '../index';

const fixtures = new URL('../__fixtures__/real-world/', import.meta.url);

/** Each fixture with what it was written for, and the warnings it gets (what Setup ignores or deprecates). */
const realWorld: [string, LintOptions, RegExp[]][] = [
  ['sim-uefi-recovery-first.xml', { arch: 'amd64', firmware: 'uefi' }, []],
  ['sim-bios-mbr.xml', { arch: 'amd64', firmware: 'bios' }, []],
  ['generator-diskpart-windows11.xml', { arch: 'amd64', firmware: 'uefi' }, []],
  [
    'vm-template-windows11-uefi.xml',
    { arch: 'amd64', firmware: 'uefi' },
    [
      /AutoLogon signs in "docker" with an empty password/,
      /OOBE\/SkipUserOOBE is deprecated/,
      /OOBE\/SkipMachineOOBE is deprecated/,
    ],
  ],
  [
    'packer-server2022-bios.xml',
    { arch: 'amd64', firmware: 'bios' },
    [/OOBE\/NetworkLocation is deprecated/],
  ],
  [
    'packer-windows10-bios-vagrant.xml',
    { arch: 'amd64', firmware: 'bios' },
    [
      /ProductKey\/Key is empty: Setup treats it as no key/,
      /OOBE\/NetworkLocation is deprecated/,
      /OOBE\/SkipMachineOOBE is deprecated/,
      /OOBE\/SkipUserOOBE is deprecated/,
    ],
  ],
  ['container-windows11-uefi.xml', { arch: 'amd64', firmware: 'uefi' }, []],
  ['vm-tool-windows11-virtio.xml', { arch: 'amd64', firmware: 'uefi' }, [/ProductKey\/Key is empty/]],
  ['kubevirt-server2022-uefi.xml', { arch: 'amd64', firmware: 'uefi' }, []],
  [
    'hypervisor-image-server2019-bios.xml',
    { arch: 'amd64', firmware: 'bios' },
    [/<component> is in no namespace \(xmlns=""\)/, /<component> is in no namespace \(xmlns=""\)/],
  ],
  ['imaging-reference-sysprep.xml', { arch: 'amd64' }, []],
  ['imaging-winpe-boot-image.xml', { arch: 'amd64' }, []],
  [
    'lab-automation-server-sysprep.xml',
    { arch: 'amd64' },
    [/<JoinWorkgroup> is in no namespace \(xmlns=""\)/],
  ],
  ['microsoft-sample-server-static-ip-utf16.xml', { arch: 'amd64', firmware: 'uefi' }, []],
  ['vm-tool-windows11-arm64.xml', { arch: 'arm64', firmware: 'uefi' }, []],
  ['generator-dual-arch-windows11.xml', { arch: 'amd64', firmware: 'uefi' }, []],
  ['generator-dual-arch-windows11.xml', { arch: 'arm64', firmware: 'uefi' }, []],
];

const read = (name: string) => decodeAnswerFile(readFileSync(new URL(name, fixtures)));

describe('answer files in the shapes people use', () => {
  test('every fixture is covered', () => {
    expect(readdirSync(fixtures).sort()).toEqual([...new Set(realWorld.map(([name]) => name))].sort());
  });

  test.each(realWorld)('%s lints with zero errors for its target and without one', (name, options) => {
    const xml = read(name);
    expect(lintAnswerFile(xml, options).filter((f) => f.severity === 'error')).toEqual([]);
    expect(lintAnswerFile(xml).filter((f) => f.severity === 'error')).toEqual([]);
    expect(lintAnswerFile(xml, { arch: options.arch }).filter((f) => f.severity === 'error')).toEqual([]);
  });

  test.each(realWorld)(
    '%s gets exactly the warnings for what Setup ignores or deprecates',
    (name, options, warnings) => {
      const found = lintAnswerFile(read(name), options).filter((f) => f.severity === 'warning');
      expect(found.map((w) => w.message)).toEqual(warnings.map((w) => expect.stringMatching(w)));
    },
  );

  test("every finding on the corpus cites a page of Microsoft's documentation", () => {
    for (const [name, options] of realWorld) {
      for (const finding of lintAnswerFile(read(name), options)) {
        expect(finding.reference, `${name}: ${finding.message}`).toMatch(
          /^https:\/\/learn\.microsoft\.com\/en-us\//,
        );
      }
    }
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
