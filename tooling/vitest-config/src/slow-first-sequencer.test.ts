import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { TestSpecification, Vitest } from 'vitest/node';
import { SlowFirstSequencer } from './slow-first-sequencer.ts';

const dir = mkdtempSync(join(tmpdir(), 'winguest-sequencer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A test file on disk in project `project`, with `body` as its text. */
function spec(project: string, name: string, body: string): TestSpecification {
  const moduleId = join(dir, `${project}-${name}`);
  writeFileSync(moduleId, body);
  const config = { sequence: { groupOrder: 0 }, isolate: true };
  return { moduleId, project: { name: project, config } } as unknown as TestSpecification;
}

/** The file names in the order the sequencer runs them, given cached results by name. */
async function order(specs: TestSpecification[], cached: Record<string, { duration: number }> = {}) {
  const cache = {
    getTestSpecificationResult: (s: TestSpecification) => cached[s.moduleId.slice(dir.length + 1)],
  };
  const sequencer = new SlowFirstSequencer({ cache } as unknown as Vitest);
  return (await sequencer.sort(specs)).map((s) => s.moduleId.slice(dir.length + 1));
}

describe('SlowFirstSequencer', () => {
  const files = () => [
    spec('a', 'unit', `test('x', () => {});\n${'// padding\n'.repeat(200)}`),
    spec('a', 'boot-small', "test('boots', async () => {}, 600_000);"),
    spec('z', 'boot-large', `test('boots', async () => {}, 180_000);\n${'// more\n'.repeat(50)}`),
    spec('z', 'quick', "test('y', () => {}, 5_000);"),
  ];

  test('without a cache, files declaring minute-long timeouts start first, larger first, across projects', async () => {
    expect(await order(files())).toEqual(['z-boot-large', 'a-boot-small', 'a-unit', 'z-quick']);
  });

  test('with a cache, the files that took 10 s or more start first, longest first', async () => {
    const cached = {
      'a-unit': { duration: 20 },
      'a-boot-small': { duration: 90_000 },
      'z-boot-large': { duration: 40_000 },
      'z-quick': { duration: 12_000 },
    };
    expect(await order(files(), cached)).toEqual(['a-boot-small', 'z-boot-large', 'z-quick', 'a-unit']);
  });
});
