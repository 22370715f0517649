#!/usr/bin/env node
// Writes every script variant the tests render, the launcher's -Command payload, and quoting cases
// into a directory, for checks with PowerShell's own parser and PSScriptAnalyzer (CI, on a runner
// with pwsh). Needs a build first. Usage: node scripts/write-variants.mjs <directory>
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { powerShellLiteral, renderLauncher, renderProvisionScript } from '../dist/index.js';
import { hostileValues, scriptVariants } from './variants.mjs';

const directory = process.argv[2];
if (!directory) {
  console.error('usage: node scripts/write-variants.mjs <directory>');
  process.exit(2);
}
mkdirSync(directory, { recursive: true });

const variants = scriptVariants();
for (const { name, spec } of variants) {
  // renderProvisionScript starts with U+FEFF, so the file gets the UTF-8 BOM Windows PowerShell needs.
  writeFileSync(join(directory, `${name}.ps1`), renderProvisionScript(spec), 'utf8');
}

const launcher = renderLauncher();
const command = /-Command "(.*)"$/.exec(launcher)?.[1] ?? '';
writeFileSync(join(directory, 'launcher-command.ps1'), `\uFEFF${command}\n`, 'utf8');

// Quoting cases: the fixture's hostile values plus a fixed sample of arbitrary well-formed text.
const sample = fc.sample(fc.string({ unit: 'binary', maxLength: 30 }), { numRuns: 200, seed: 20261121 });
const values = [...hostileValues, ...sample].filter((value) => !value.includes('\0'));
const cases = values.map((value) => ({ value, literal: powerShellLiteral(value) }));
writeFileSync(join(directory, 'quoting-cases.json'), `${JSON.stringify(cases, null, 1)}\n`, 'utf8');

console.log(
  `wrote ${variants.length} script variants, the launcher command and ${cases.length} quoting cases to ${directory}`,
);
