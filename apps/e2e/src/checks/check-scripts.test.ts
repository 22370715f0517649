import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { execa } from 'execa';
import { describe, expect, test } from 'vitest';
import { scenarioInputs } from '../scenario/scenarios.ts';
import { parseScenarios } from '../scenario/select-scenarios.ts';
import { checkCommand, evaluateCheck } from './checks.ts';

const gate = requireHostTools([{ command: 'busybox', debian: 'busybox' }]);
const standin = parseScenarios(scenarioInputs)[0];

// The stand-in's scripts run under busybox sh there; here they run under this host's busybox, which
// proves they parse and print the key=value lines their evaluation reads.
describe.skipIf(!gate.available)('stand-in check scripts under busybox sh', () => {
  test.each(['hostname', 'user-groups', 'time-zone-locale', 'sshd', 'shared-folder'] as const)(
    '%s',
    async (id) => {
      if (!standin) throw new Error('no stand-in scenario');
      const command = checkCommand(id, { scenario: standin, password: 'x' }) as string;
      const run = await execa('busybox', ['sh', '-c', command], { reject: false, env: { TZ: 'UTC' } });
      expect(run.exitCode, run.stderr).toBe(0);
      const outcome = evaluateCheck(
        id,
        { exitCode: 0, stdout: run.stdout, stderr: '' },
        { scenario: standin, password: 'x' },
      );
      expect(outcome.detail).not.toBe('');
      if (id === 'time-zone-locale') expect(outcome.passed).toBe(true);
      if (id === 'hostname')
        expect(outcome.detail).toContain(`hostname "${(await execa('hostname')).stdout}"`);
    },
  );
});
