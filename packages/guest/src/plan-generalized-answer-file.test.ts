import { lintAnswerFile, parseAnswerFile, renderGeneralizedAnswerFile } from '@winguest/answerfile';
import { describe, expect, test } from 'vitest';
import { deleteSshHostKeysCommand, planGeneralizedAnswerFile, resolveGuest } from './index';

describe('planGeneralizedAnswerFile', () => {
  const guest = resolveGuest({ family: 'windows11', computerName: 'golden', user: { name: 'dev' } });
  const xml = renderGeneralizedAnswerFile(planGeneralizedAnswerFile(guest, { password: 'Clone-Pass-1' }));

  test('names every clone at random and deletes the SSH host keys in specialize', () => {
    expect(xml).toContain('<ComputerName>*</ComputerName>');
    expect(xml).not.toContain('golden');
    const specialize = parseAnswerFile(xml).settings.find((s) => s.pass === 'specialize');
    expect(JSON.stringify(specialize)).toContain(JSON.stringify(deleteSshHostKeysCommand).slice(1, -1));
  });

  test('keeps the install’s account and first-logon launcher, and lints clean', () => {
    expect(xml).toContain('<Name>dev</Name>');
    expect(xml).toContain('<FirstLogonCommands>');
    expect(xml).not.toContain('Clone-Pass-1');
    expect(lintAnswerFile(xml, { arch: 'amd64' }).filter((f) => f.severity === 'error')).toEqual([]);
  });
});
