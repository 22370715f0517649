import { describe, expect, test } from 'vitest';
import type { CloneResult } from '../report/results-schema.ts';
import { scenarioInputs } from '../scenario/scenarios.ts';
import { parseScenarios } from '../scenario/select-scenarios.ts';
import { cloneNames, cloneProblem } from './clone-guests.ts';

const clone = (name: string, hostname: string, key: string): CloneResult => ({
  name,
  ok: true,
  timeToSshMs: 40_000,
  hostname,
  hostKey: `ssh-ed25519 ${key}`,
});

describe('clones: ready and distinct', () => {
  test("generalized clones pass only with their own hostnames and host keys, none the source's", () => {
    const distinct = [
      clone('c1', 'WIN-A1', 'AAA'),
      clone('c2', 'WIN-B2', 'BBB'),
      clone('c3', 'WIN-C3', 'CCC'),
    ];
    expect(cloneProblem(distinct, true, 'e2e-win11-cl')).toBeUndefined();
    expect(cloneProblem([...distinct.slice(0, 2), clone('c3', 'win-a1', 'CCC')], true, 'x')).toMatch(
      /own hostnames .*win-a1, win-b2, win-a1/,
    );
    expect(cloneProblem([clone('c1', 'E2E-WIN11-CL', 'AAA')], true, 'e2e-win11-cl')).toMatch(
      /source e2e-win11-cl/,
    );
    expect(cloneProblem([...distinct.slice(0, 2), clone('c3', 'WIN-C3', 'AAA')], true, 'x')).toMatch(
      /own SSH host keys/,
    );
  });

  test("a plain image's clones share the source's identity by design; any clone not ready fails", () => {
    const same = [clone('c1', 'src', 'AAA'), clone('c2', 'src', 'AAA')];
    expect(cloneProblem(same, false, 'src')).toBeUndefined();
    expect(cloneProblem([...same, { name: 'c3', ok: false }], false, 'src')).toBe('not ready over SSH: c3');
    const refused = {
      name: 'c3',
      ok: false,
      error: 'stage-timeout: … failed: All configured authentication methods failed',
    };
    expect(cloneProblem([...same, refused, { name: 'c4', ok: false }], false, 'src')).toBe(
      'not ready over SSH: c3 (stage-timeout: … failed: All configured authentication methods failed); c4',
    );
  });

  test('names: one image and one instance per clone, after the scenario', () => {
    const scenario = parseScenarios(scenarioInputs).find((s) => s.name === 'win11-clones-amd64');
    if (!scenario) throw new Error('missing scenario');
    expect(cloneNames(scenario)).toEqual({
      image: 'win11-clones-amd64-image',
      clones: ['win11-clones-amd64-c1', 'win11-clones-amd64-c2', 'win11-clones-amd64-c3'],
    });
  });
});
