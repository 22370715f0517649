import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { hostileValues } from '../scripts/variants.mjs';
import { hostileText } from './__fixtures__/arbitraries';
import { readVerbatimString } from './__fixtures__/decode-literal';
import { nodesOfType, parsePowerShell, syntaxErrors } from './__fixtures__/powershell-grammar';
import {
  InvalidInputError,
  ProvisionScriptsError,
  powerShellLiteral,
  type UnencodableTextError,
} from './index';
import { ps } from './powershell-code';

describe('powerShellLiteral', () => {
  test.each([
    ['', "''"],
    ['plain', "'plain'"],
    ["it's", "'it''s'"],
    ['\u2018a\u2019 \u201Ab\u201B', "'\u2018\u2018a\u2019\u2019 \u201A\u201Ab\u201B\u201B'"],
    ['$(Remove-Item C:\\ -Recurse) `n "x"', '\'$(Remove-Item C:\\ -Recurse) `n "x"\''],
    ['line\nbreak', "'line\nbreak'"],
  ])('%j becomes %s', (value, literal) => {
    expect(powerShellLiteral(value)).toBe(literal);
  });

  test('for arbitrary text, PowerShell tokenizer rules read exactly one string token with the original value', () => {
    fc.assert(
      fc.property(hostileText(), (value) => {
        const literal = powerShellLiteral(value);
        expect(readVerbatimString(literal)).toEqual({ value, end: literal.length });
      }),
      { numRuns: 500 },
    );
  });

  test('for arbitrary text, tree-sitter-powershell parses the assignment with one string token spanning the literal', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText(), async (value) => {
        const literal = powerShellLiteral(value);
        const tree = await parsePowerShell(`$x = ${literal}\nWrite-Output $x\n`);
        expect(syntaxErrors(tree)).toEqual([]);
        expect(nodesOfType(tree, 'verbatim_string_characters').map((node) => node.text)).toEqual([literal]);
      }),
      { numRuns: 200 },
    );
  });

  test.each(hostileValues)('the hostile fixture value %j round-trips', (value) => {
    expect(readVerbatimString(powerShellLiteral(value))?.value).toBe(value);
  });

  test.each([
    ['ab\uD800c', 2, 'lone UTF-16 surrogate'],
    ['\uDC00', 0, 'lone UTF-16 surrogate'],
    ['x\0', 1, 'NUL'],
  ])('rejects %j, which a script cannot carry, naming index %i', (value, index, what) => {
    const error = (() => {
      try {
        powerShellLiteral(value);
      } catch (caught) {
        return caught;
      }
    })();
    expect(ProvisionScriptsError.isInstance(error)).toBe(true);
    expect(InvalidInputError.isInstance(error)).toBe(false);
    expect((error as UnencodableTextError).code).toBe('unencodable-text');
    expect((error as UnencodableTextError).index).toBe(index);
    expect((error as Error).message).toContain(what);
  });

  test('accepts astral characters (well-formed surrogate pairs)', () => {
    expect(powerShellLiteral('😀')).toBe("'😀'");
  });

  test('the grammar check is not vacuous: an unterminated or unescaped quote is a syntax error', async () => {
    expect(syntaxErrors(await parsePowerShell("$x = 'it's'\n"))).not.toEqual([]);
    expect(syntaxErrors(await parsePowerShell("$x = 'open\n"))).not.toEqual([]);
  });
});

describe('the ps template tag', () => {
  test('quotes strings, renders arrays and integers, and inserts code fragments verbatim', () => {
    const inner = ps`Get-Item -LiteralPath ${"a'b"}`;
    expect(
      ps`${inner} | Where-Object { @(${['x', "y'"]}) -contains $_.Name -and $_.Length -gt ${10} -and ${true} }`
        .text,
    ).toBe(
      "Get-Item -LiteralPath 'a''b' | Where-Object { @(@('x', 'y''')) -contains $_.Name -and $_.Length -gt 10 -and $true }",
    );
  });

  test('refuses numbers that are not integers', () => {
    expect(() => ps`${1.5}`).toThrow(RangeError);
  });
});
