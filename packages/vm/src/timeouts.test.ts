import { expect, test } from 'vitest';
import { defaultTimeouts, resolveTimeouts } from './timeouts';

test.each([
  ['kvm', 'amd64', 'accelerated'],
  ['hvf', 'arm64', 'accelerated'],
  ['tcg', 'amd64', 'tcg'],
  ['tcg', 'arm64', 'tcgArm64'],
] as const)('%s with an %s guest uses the %s table', (accelerator, arch, table) => {
  expect(resolveTimeouts(accelerator, arch)).toEqual(defaultTimeouts[table]);
});

test('an arm64 guest under TCG gets at least the amd64 TCG time for every stage; overrides win', () => {
  for (const [stage, ms] of Object.entries(defaultTimeouts.tcg)) {
    expect(defaultTimeouts.tcgArm64[stage as keyof typeof defaultTimeouts.tcg]).toBeGreaterThanOrEqual(ms);
  }
  expect(resolveTimeouts('tcg', 'arm64', { firmware: 1000 }).firmware).toBe(1000);
});
