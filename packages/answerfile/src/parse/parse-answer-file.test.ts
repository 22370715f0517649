import { spawnSync } from 'node:child_process';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { describe, expect, test } from 'vitest';
import { AnswerFileError, type AnswerFileParseError, parseAnswerFile } from '../index';
import { attributeOf, walk } from './model';

const tools = requireHostTools([{ command: 'xmllint', debian: 'libxml2-utils' }]);

const sample = `<?xml version="1.0" encoding="utf-8"?>
<unattend xmlns="urn:schemas-microsoft-com:unattend" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State">
  <settings pass="oobeSystem">
    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64">
      <FirstLogonCommands>
        <SynchronousCommand wcm:action="add"><Order>1</Order><CommandLine>a &amp; b</CommandLine></SynchronousCommand>
        <SynchronousCommand wcm:action="add"><Order>2</Order><CommandLine><![CDATA[<c> & "d"]]></CommandLine></SynchronousCommand>
      </FirstLogonCommands>
    </component>
  </settings>
</unattend>`;

function parseError(xml: string): AnswerFileParseError {
  try {
    parseAnswerFile(xml);
  } catch (error) {
    if (AnswerFileError.isInstance(error) && error.code === 'invalid-xml')
      return error as AnswerFileParseError;
    throw error;
  }
  throw new Error('expected a parse error');
}

describe('parseAnswerFile', () => {
  test('returns passes and components with their attributes', () => {
    const model = parseAnswerFile(sample);
    expect(model.root.name).toBe('unattend');
    expect(model.settings).toHaveLength(1);
    expect(model.settings[0]?.pass).toBe('oobeSystem');
    expect(model.settings[0]?.components[0]).toMatchObject({
      name: 'Microsoft-Windows-Shell-Setup',
      processorArchitecture: 'amd64',
      publicKeyToken: undefined,
    });
  });

  test('resolves namespaces: elements and wcm attributes carry their URIs', () => {
    const item = [...walk(parseAnswerFile(sample).root)].find((e) => e.name === 'SynchronousCommand');
    expect(item?.namespace).toBe('urn:schemas-microsoft-com:unattend');
    expect(item?.attributes).toEqual([
      {
        name: 'action',
        namespace: 'http://schemas.microsoft.com/WMIConfig/2002/State',
        prefix: 'wcm',
        value: 'add',
      },
    ]);
    expect(
      attributeOf(
        item ?? parseAnswerFile(sample).root,
        'action',
        'http://schemas.microsoft.com/WMIConfig/2002/State',
      ),
    ).toBe('add');
  });

  test('decodes entities and CDATA exactly', () => {
    const commands = [...walk(parseAnswerFile(sample).root)].filter((e) => e.name === 'CommandLine');
    expect(commands.map((c) => c.text)).toEqual(['a & b', '<c> & "d"']);
  });

  test('keeps the 1-based line and column of every start tag, and an XPath-like path', () => {
    const elements = [...walk(parseAnswerFile(sample).root)];
    const lines = sample.split('\n');
    for (const element of elements) {
      expect(
        lines[element.line - 1]?.slice(element.column - 1).startsWith(`<${element.name}`),
        element.path,
      ).toBe(true);
    }
    expect(elements.map((e) => e.path)).toContain(
      "/unattend/settings[@pass='oobeSystem']/component[@name='Microsoft-Windows-Shell-Setup']/FirstLogonCommands/SynchronousCommand[2]/CommandLine",
    );
  });

  test('accepts a byte order mark', () => {
    expect(parseAnswerFile(`\uFEFF${sample}`).root.name).toBe('unattend');
  });
});

/** Name, input, expected reason, line, and whether xmllint (XML 1.0 without our policies) rejects it too. */
const malformed: [string, string, RegExp, number, boolean][] = [
  [
    'unclosed element',
    '<unattend>\n  <settings pass="windowsPE">\n</unattend>',
    /unexpected close tag/,
    3,
    true,
  ],
  [
    'duplicate attribute',
    '<unattend>\n  <settings pass="a" pass="b"/>\n</unattend>',
    /duplicate attribute/,
    2,
    true,
  ],
  [
    'unbound prefix',
    '<unattend>\n  <Disk wcm:action="add"/>\n</unattend>',
    /unbound namespace prefix/,
    2,
    true,
  ],
  ['undefined entity', '<unattend>\n  <Path>a &nbsp; b</Path>\n</unattend>', /undefined entity/, 2, true],
  ['DOCTYPE', '<!DOCTYPE unattend [<!ENTITY x "y">]>\n<unattend/>', /DOCTYPE is not allowed/, 1, false],
  ['two roots', '<unattend/>\n<unattend/>', /only one root/, 2, true],
  ['text after the root', '<unattend/>\ntrailing', /text data outside of root node/, 2, true],
  ['bare ampersand', '<unattend>\n<Path>a & b</Path>\n<Path>c</Path></unattend>', /bare "&".*&amp;/, 2, true],
  ['empty document', '', /root/, 1, true],
  ['truncated file', '<unattend>\n  <settings pass="windowsPE">', /unclosed tag/, 2, true],
];

describe('parseAnswerFile rejects malformed XML', () => {
  test.each(malformed)('%s', (_, xml, reason, line) => {
    const error = parseError(xml);
    expect(error.reason).toMatch(reason);
    expect(error.line).toBe(line);
    expect(error.column).toBeGreaterThanOrEqual(1);
    expect(error.message).toMatch(
      new RegExp(`^The answer file is not well-formed XML at line ${line}, column \\d+: `),
    );
  });

  test('a bare "&" is reported where it is, not at the end of the document', () => {
    const error = parseError('<unattend>\n  <CommandLine>cmd /c a & b</CommandLine>\n</unattend>');
    expect([error.line, error.column]).toEqual([2, 25]);
  });

  const xmllintCases = malformed.filter(([, , , , rejects]) => rejects);
  test.skipIf(!tools.available).each(xmllintCases)('xmllint finds the %s input broken too', (_, xml) => {
    const result = spawnSync('xmllint', ['--noout', '-'], { input: xml, encoding: 'utf8' });
    // Namespace errors make xmllint complain without failing; everything else fails.
    expect(result.status !== 0 || /namespace error/.test(result.stderr)).toBe(true);
  });
});
