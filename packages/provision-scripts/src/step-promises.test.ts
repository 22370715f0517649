import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { parsePowerShell, syntaxErrors } from './__fixtures__/powershell-grammar';
import { commandCalls } from './__fixtures__/script-syntax';
import { stepPromises } from './__fixtures__/step-promises';
import { reservedStepNames } from './index';

const root = new URL('../../../', import.meta.url);
const checks = new URL('apps/e2e/src/windows-ci/', root);
const workflow = parse(readFileSync(new URL('.github/workflows/windows-provision.yml', root), 'utf8')) as {
  jobs: { provision: { steps: Array<{ name?: string }> } };
};

async function promiseIds(script: string): Promise<string[]> {
  const calls = await commandCalls(readFileSync(new URL(script, checks), 'utf8'));
  return calls.filter((call) => call.name === 'Test-Promise').map((call) => String(call.parameters.Id));
}

describe('every promise of the first-logon script is checked on a real Windows', () => {
  const steps = [
    ...reservedStepNames.filter((name) => name !== 'launcher' && name !== 'ready'),
    'user steps',
    'every run',
  ];

  test.each(steps)('%s has at least one check in the Windows CI job', (step) => {
    const proven = stepPromises.filter((entry) => entry.step === step && !('gap' in entry.windows));
    expect(proven.length).toBeGreaterThan(0);
  });

  test.each(['check-provisioned.ps1', 'check-failed.ps1'] as const)(
    '%s runs exactly the checks the table names, each once',
    async (script) => {
      const named = stepPromises.flatMap((entry) =>
        'script' in entry.windows && entry.windows.script === script ? [entry.windows.id] : [],
      );
      expect((await promiseIds(script)).sort()).toEqual(named.sort());
    },
  );

  test('the workflow steps the table names exist in the provision job', () => {
    const names = workflow.jobs.provision.steps.map((step) => step.name);
    for (const entry of stepPromises) {
      if ('workflowStep' in entry.windows) expect(names).toContain(entry.windows.workflowStep);
    }
  });

  test('every promise a runner cannot check says why', () => {
    for (const entry of stepPromises)
      if ('gap' in entry.windows) expect(entry.windows.gap.length).toBeGreaterThan(20);
  });
});

test.each(readdirSync(checks).filter((name) => name.endsWith('.ps1')))(
  'the Windows CI job script %s parses with tree-sitter-powershell',
  async (name) => {
    expect(syntaxErrors(await parsePowerShell(readFileSync(new URL(name, checks), 'utf8')))).toEqual([]);
  },
);
