import { describe, expect, test } from 'vitest';
import { shell } from '../__fixtures__/documents';
import { decodeAnswerFile, lintAnswerFile } from '../index';

const xml = shell('specialize', '<ComputerName>Bücher-PC</ComputerName>');

function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  if (endian === 'be') le.swap16();
  return Buffer.concat([Buffer.from(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), le]);
}

describe('decodeAnswerFile', () => {
  test.each([
    ['UTF-8 without BOM', Buffer.from(xml, 'utf8')],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml, 'utf8')])],
    ['UTF-16LE with BOM (PowerShell Out-File)', utf16(xml.replace('utf-8', 'utf-16'), 'le')],
    ['UTF-16BE with BOM', utf16(xml.replace('utf-8', 'utf-16'), 'be')],
  ])('%s reads as the same answer file', (_, bytes) => {
    const text = decodeAnswerFile(bytes);
    expect(text.startsWith('<?xml')).toBe(true);
    expect(text).toContain('Bücher-PC');
    expect(lintAnswerFile(text).map((f) => f.ruleId)).toEqual(['computer-name']);
  });
});
