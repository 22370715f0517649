import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { scriptVariants } from '../scripts/variants.mjs';
import { nodesOfType, parsePowerShell, syntaxErrors } from './__fixtures__/powershell-grammar';
import fixture from './__fixtures__/variants.json';
import { type ProvisionSpecInput, parseProgressLine } from './index';
import { renderProvisionScript } from './render-provision-script';

const variants = scriptVariants();

describe.each(variants)('variant $name', ({ spec }) => {
  const script = renderProvisionScript(spec);

  test('parses without errors with tree-sitter-powershell', async () => {
    const tree = await parsePowerShell(script);
    expect(syntaxErrors(tree)).toEqual([]);
  });

  test('uses no syntax Windows PowerShell 5.1 lacks (&&, ||, ??, ?., ternary)', async () => {
    const tree = await parsePowerShell(script);
    expect(nodesOfType(tree, 'pipeline_chain_tail')).toEqual([]);
    for (const operator of ['??', '?.', '??=']) {
      expect(tree.rootNode.descendantsOfType(operator).length, operator).toBe(0);
    }
  });

  test('is byte-identical when rendered again', () => {
    expect(renderProvisionScript(structuredClone(spec))).toBe(script);
  });
});

describe('the rendered script', () => {
  const all = renderProvisionScript(fixture.all as ProvisionSpecInput);

  test('starts with a BOM so Windows PowerShell 5.1 reads it as UTF-8', () => {
    expect([...new TextEncoder().encode(all).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(all.slice(1)).not.toContain('\uFEFF');
  });

  test('runs in strict mode and stops at the first error', () => {
    expect(all).toMatch(
      /^\uFEFF(#[^\n]*\n)+\nSet-StrictMode -Version Latest\n\$ErrorActionPreference = 'Stop'\n/,
    );
  });

  test('places each step body as code, never as a quoted string', () => {
    expect(all).not.toMatch(/-Body \{\n\s*'/);
    expect(all).toContain("Invoke-WinguestStep -Name 'openssh' -Body {\n    $strategy = 'auto'\n");
  });

  test('runs the steps in the documented order, user steps in the given order, cleanup last', () => {
    const order = [...all.matchAll(/^Invoke-WinguestStep -Name '([^']+)'/gm)].map((match) => match[1]);
    expect(order).toEqual([
      'power',
      'guest-agent',
      'openssh',
      'authorized-keys',
      'default-shell',
      'shared-folders',
      'install-tools',
      'warm-up',
      'secrets-cleanup',
    ]);
  });

  test('logs to C:\\ProgramData\\winguest\\provision.log, writes the done-marker, ends with WINGUEST ready', () => {
    expect(all).toContain("$WinguestLog = 'C:\\ProgramData\\winguest\\provision.log'");
    expect(all).toContain("$WinguestDoneMarker = 'C:\\ProgramData\\winguest\\provision.done'");
    const tail = all.trimEnd().split('\n').slice(-4);
    expect(tail[0]).toMatch(/^\[System\.IO\.File\]::WriteAllText\(\$WinguestDoneMarker,/);
    expect(parseProgressLine(/'([^']+)'/.exec(tail[1] ?? '')?.[1] ?? '')).toEqual({ kind: 'ready' });
    expect(tail[3]).toBe('exit 0');
  });

  test('sends progress lines to the chosen serial port, or to the log only with serialPort: false', () => {
    expect(all).toContain("Open-WinguestSerial -Name 'COM1'");
    expect(renderProvisionScript({ serialPort: false })).toContain("Open-WinguestSerial -Name ''");
  });

  test('formats step durations with the invariant culture (a dot, on every display language)', () => {
    expect(all).toContain("$watch.Elapsed.TotalSeconds.ToString('0.00', $script:WinguestInvariant)");
    expect(all).toContain('[System.Globalization.CultureInfo]::InvariantCulture');
  });

  test('avoids commands that behave differently or are missing in Windows PowerShell 5.1', () => {
    for (const script of variants.map((variant) => renderProvisionScript(variant.spec))) {
      expect(script).not.toMatch(
        /-Parallel|-AsByteStream|utf8NoBOM|-AdditionalChildPath|Set-Content|Out-File/,
      );
    }
  });
});

test('the CI check script (scripts/check-variants.ps1) parses with tree-sitter-powershell too', async () => {
  const source = readFileSync(new URL('../scripts/check-variants.ps1', import.meta.url), 'utf8');
  expect(syntaxErrors(await parsePowerShell(source))).toEqual([]);
});
