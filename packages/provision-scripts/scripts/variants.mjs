// The script variants every check renders: all steps on, each step alone, no steps, hostile values.
// Shared by the tests (tree-sitter parse) and write-variants.mjs (PowerShell's parser and
// PSScriptAnalyzer in CI), so both check exactly the same scripts.
import fixture from '../src/__fixtures__/variants.json' with { type: 'json' };

/** @returns {Array<{ name: string, spec: Record<string, unknown> }>} */
export function scriptVariants() {
  const { serialPort, ...steps } = fixture.all;
  const alone = Object.entries(steps).map(([key, value]) => ({
    name: `only-${key}`,
    spec: { [key]: value },
  }));
  return [
    { name: 'all-steps', spec: fixture.all },
    { name: 'hostile-values', spec: fixture.hostile },
    { name: 'no-steps-no-serial', spec: { serialPort: false } },
    ...alone,
  ];
}

/** Strings that stress quoting: every PowerShell quote character, `$()`, backticks, line breaks. */
export const hostileValues = fixture.hostileValues;
