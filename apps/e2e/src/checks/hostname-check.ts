import type { CheckDefinition } from './check.ts';
import { firstValue, parseKeyValues } from './key-values.ts';

/** The guest took the computer name from the answer file. */
export const hostnameCheck: CheckDefinition = {
  id: 'hostname',
  title: 'computer name is the configured one',
  script: {
    windows: () => "'hostname=' + [Environment]::MachineName",
    standin: () => 'echo "hostname=$(hostname)"',
  },
  evaluate(output, { scenario }) {
    const found = firstValue(parseKeyValues(output), 'hostname');
    const expected = scenario.expect.computerName;
    // NetBIOS names are upper case on Windows; the comparison is case-insensitive like Windows'.
    const passed = found !== undefined && found.toLowerCase() === expected.toLowerCase();
    return {
      passed,
      detail: `hostname ${JSON.stringify(found ?? null)}, expected ${JSON.stringify(expected)}`,
    };
  },
};
