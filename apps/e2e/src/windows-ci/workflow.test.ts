import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { parse } from 'yaml';
import { ciCases } from './provision-cases.ts';

interface Step {
  name?: string;
  run?: string;
  if?: string;
}
const workflow = parse(
  readFileSync(new URL('../../../../.github/workflows/windows-provision.yml', import.meta.url), 'utf8'),
) as {
  jobs: {
    provision: { strategy: { matrix: { include: Array<{ strategy: string; os: string }> } }; steps: Step[] };
  };
};
const { matrix } = workflow.jobs.provision.strategy;
const runs = workflow.jobs.provision.steps.map((step) => step.run ?? '').join('\n');

test('the Windows job covers every OpenSSH strategy a runner can run (auto only picks among them)', () => {
  expect(matrix.include.map((entry) => entry.strategy).sort()).toEqual(['builtin', 'capability', 'msi']);
});

test.each(ciCases)('the Windows job runs case %s and checks its progress lines and its result', (kind) => {
  expect(runs).toContain(`windows-ci.js progress ${kind} 1 `);
  expect(runs).toMatch(new RegExp(`run-as-setup\\.ps1 -Iso "\\$env:JOB_DIR\\\\media-${kind}\\.iso"`));
  expect(runs).toMatch(
    kind === 'provision' ? /check-provisioned\.ps1/ : new RegExp(`check-failed\\.ps1 -Case ${kind} `),
  );
});

test('the provisioning case runs twice, the second run checked to change nothing', () => {
  expect(runs).toContain('windows-ci.js progress provision 2 ');
  expect(runs.match(/check-provisioned\.ps1/g)?.length).toBe(2);
});

test('the MSIs the job downloads are pinned by SHA-256', () => {
  const env = (workflow as unknown as { env: Record<string, string> }).env;
  for (const name of ['OPENSSH_MSI', 'WINFSP_MSI']) {
    expect(env[`${name}_URL`]).toMatch(/^https:\/\/github\.com\/.+\.msi$/);
    expect(env[`${name}_SHA256`]).toMatch(/^[0-9A-F]{64}$/);
  }
});
