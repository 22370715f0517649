import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { afterAll, describe, expect, test } from 'vitest';
import { lintAnswerFile, parseAnswerFile, presets, renderAnswerFile, windowsFamilies } from '../index';
import { componentFacts, settingsOfKnownComponents } from '../lint/setup-table';

const tools = requireHostTools([{ command: 'xmllint', debian: 'libxml2-utils' }]);

const matrix = windowsFamilies.flatMap((family) =>
  (['amd64', 'arm64'] as const).flatMap((arch) =>
    (['uefi', 'bios'] as const).map((firmware) => ({ family, arch, firmware })),
  ),
);

function renderPreset({ family, arch, firmware }: (typeof matrix)[number]): string {
  const spec = presets[family]({
    user: { name: 'winguest', password: 'pässwörd 😀' },
    arch,
    firmware,
    firstLogonCommands: [
      'powershell.exe -NoProfile -ExecutionPolicy Bypass -File E:\\winguest\\provision.ps1',
    ],
  });
  return renderAnswerFile({ ...spec, progress: true });
}

describe('every preset × arch × firmware', () => {
  test.each(matrix)('$family $arch $firmware lints with no findings at all', (target) => {
    const findings = lintAnswerFile(renderPreset(target), { arch: target.arch, firmware: target.firmware });
    expect(findings).toEqual([]);
  });

  test.each(matrix)(
    '$family $arch $firmware writes only components and settings the Setup table lists',
    (target) => {
      const model = parseAnswerFile(renderPreset(target));
      const components = model.settings.flatMap((s) => s.components.map((c) => ({ ...c, pass: s.pass })));
      expect(components.filter((c) => !componentFacts(c.name)).map((c) => c.name)).toEqual([]);
      const unlisted = [...settingsOfKnownComponents(components)].filter((s) => !s.setting);
      expect(unlisted.map((s) => `${s.component.name}/${s.path}`)).toEqual([]);
    },
  );

  describe.skipIf(!tools.available)('xmllint', () => {
    const dir = mkdtempSync(join(tmpdir(), 'answerfile-matrix-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    test(`all ${matrix.length} files are well-formed for xmllint --noout`, () => {
      const files = matrix.map((target) => {
        const file = join(dir, `${target.family}-${target.arch}-${target.firmware}.xml`);
        writeFileSync(file, renderPreset(target));
        return file;
      });
      // xmllint exits non-zero and names the file on the first error in any of them.
      expect(execFileSync('xmllint', ['--noout', ...files], { encoding: 'utf8' })).toBe('');
    });
  });
});
