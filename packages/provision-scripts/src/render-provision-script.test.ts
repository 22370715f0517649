import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { scriptVariants } from '../scripts/variants.mjs';
import { nodesOfType, parsePowerShell, syntaxErrors } from './__fixtures__/powershell-grammar';
import { callsOf, commandCalls } from './__fixtures__/script-syntax';
import fixture from './__fixtures__/variants.json';
import {
  type ProvisionSpecInput,
  parseProgressLine,
  provisionDoneMarkerPath,
  provisionLogPath,
} from './index';
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

  test('runs in strict mode and stops at the first error', async () => {
    const [first, second] = (await commandCalls(all)).map((call) => [
      call.name,
      call.parameters,
      call.positional,
    ]);
    expect(first).toEqual(['Set-StrictMode', { Version: 'Latest' }, []]);
    expect(second).toEqual(['=', {}, ['$ErrorActionPreference', 'Stop']]);
  });

  test('runs each step body as code inside Invoke-WinguestStep', async () => {
    const calls = await commandCalls(all);
    for (const step of callsOf(calls, 'Invoke-WinguestStep')) {
      const name = step.parameters.Name as string;
      expect(calls.filter((call) => call.step === name).length, name).toBeGreaterThan(0);
    }
  });

  test('runs the steps in the documented order, user steps in the given order, cleanup last', async () => {
    const order = callsOf(await commandCalls(all), 'Invoke-WinguestStep').map((call) => call.parameters.Name);
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

  test('a failing step reports its fail line and exits 1; a run without failure reports skip or ok', async () => {
    const inStep = (await commandCalls(all)).filter((call) => call.function === 'Invoke-WinguestStep');
    const caught = inStep
      .filter((call) => call.conditions.some((c) => c.kind === 'catch'))
      .map((call) => call.name);
    expect(caught.slice(-3)).toEqual(['Write-WinguestLine', 'Close-WinguestSerial', 'exit']);
    expect(inStep.find((call) => call.name === 'exit')?.positional).toEqual(['1']);
    const [outcome] = inStep.filter(
      (call) => call.name === 'Write-WinguestLine' && call.conditions[0]?.kind === 'if',
    );
    expect(outcome?.conditions[0]?.text).toBe('$script:WinguestChanges.Count -eq 0');
    expect(outcome?.parameters.Line).toBe(
      "('WINGUEST ' + $Name + ' skip ' + $seconds + ' already as wanted')",
    );
  });

  test('logs to C:\\ProgramData\\winguest\\provision.log, writes the done-marker, ends with WINGUEST ready', async () => {
    const calls = await commandCalls(all);
    const assigned = (name: string) =>
      calls.find((call) => call.name === '=' && call.positional[0] === name)?.positional[1];
    expect(assigned('$WinguestLog')).toBe(provisionLogPath);
    expect(assigned('$WinguestDoneMarker')).toBe(provisionDoneMarkerPath);
    const tail = calls.filter(
      (call) =>
        call.function === undefined && call.step === undefined && call.name !== '[DateTime]::UtcNow.ToString',
    );
    expect(tail.slice(-4).map((call) => [call.name, call.positional[0] ?? call.parameters.Line])).toEqual([
      ['[System.IO.File]::WriteAllText', '$WinguestDoneMarker'],
      ['Write-WinguestLine', 'WINGUEST ready'],
      ['Close-WinguestSerial', undefined],
      ['exit', '0'],
    ]);
    expect(parseProgressLine(tail.at(-3)?.parameters.Line as string)).toEqual({ kind: 'ready' });
  });

  test('sends progress lines to the chosen serial port, or to the log only with serialPort: false', async () => {
    expect(callsOf(await commandCalls(all), 'Open-WinguestSerial')[0]?.parameters.Name).toBe('COM1');
    const none = await commandCalls(renderProvisionScript({ serialPort: false }));
    expect(callsOf(none, 'Open-WinguestSerial')[0]?.parameters.Name).toBe('');
  });

  test('formats step durations with the invariant culture (a dot, on every display language)', async () => {
    const calls = await commandCalls(all);
    const durations = calls.filter((call) => call.name === '$watch.Elapsed.TotalSeconds.ToString');
    expect(durations.map((call) => call.positional)).toEqual([
      ['0.00', '$script:WinguestInvariant'],
      ['0.00', '$script:WinguestInvariant'],
    ]);
    const invariant = calls.find((call) => call.name === '=' && call.positional[0] === '$WinguestInvariant');
    expect(invariant?.positional[1]).toBe('[System.Globalization.CultureInfo]::InvariantCulture');
  });

  test('avoids commands and parameters that behave differently or are missing in Windows PowerShell 5.1', async () => {
    for (const variant of variants) {
      const calls = await commandCalls(renderProvisionScript(variant.spec));
      expect(calls.filter((call) => ['Set-Content', 'Out-File'].includes(call.name))).toEqual([]);
      const parameters = calls.flatMap((call) => Object.keys(call.parameters));
      for (const missing of ['Parallel', 'AsByteStream', 'AdditionalChildPath'])
        expect(parameters).not.toContain(missing);
      expect(calls.map((call) => call.parameters.Encoding)).not.toContain('utf8NoBOM');
    }
  });
});

test('the CI check script (scripts/check-variants.ps1) parses with tree-sitter-powershell too', async () => {
  const source = readFileSync(new URL('../scripts/check-variants.ps1', import.meta.url), 'utf8');
  expect(syntaxErrors(await parsePowerShell(source))).toEqual([]);
});
