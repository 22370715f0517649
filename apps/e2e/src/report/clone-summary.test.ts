import { describe, expect, test } from 'vitest';
import { cloneSummaryLine } from './clone-summary.ts';
import { renderMarkdown } from './markdown.ts';
import { emptyResult, type RunReport, type ScenarioResult } from './results-schema.ts';

const scenario = {
  name: 'win11-clones-amd64',
  description: 'd',
  guest: 'windows',
  family: 'windows11',
  arch: 'amd64',
} as const;
const cloned = (patch: Partial<ScenarioResult>): ScenarioResult => ({
  ...emptyResult(scenario, 'out/x'),
  verdict: 'passed',
  accelerator: 'kvm',
  timeToSshMs: 900_000,
  imageCreateMs: 95_000,
  imageGeneralized: true,
  cloneToSshMs: 170_000,
  clones: [1, 2, 3].map((i) => ({ name: `c${i}`, ok: true, timeToSshMs: 150_000 + i * 5_000 })),
  ...patch,
});

describe('clone-to-SSH in the report', () => {
  test('install to SSH next to clone to SSH, judged against the target for Windows on KVM', () => {
    expect(cloneSummaryLine(cloned({}))).toBe(
      '- win11-clones-amd64: install to SSH 15 min 00 s; image create (generalized) 1 min 35 s; 3/3 clones ready, clone to SSH 2 min 50 s (slowest; met: target ≤ 3 min 00 s)',
    );
    expect(cloneSummaryLine(cloned({ imageGeneralized: false, cloneToSshMs: 75_000 }))).toContain(
      'clone to SSH 1 min 15 s (slowest; missed: target ≤ 1 min 00 s)',
    );
    // The stand-in under TCG is measured but not judged.
    expect(cloneSummaryLine(cloned({ guest: 'standin', accelerator: 'tcg' }))).toContain(
      'target ≤ 3 min 00 s applies to Windows on KVM',
    );
    expect(cloneSummaryLine(cloned({ imageCreateMs: undefined }))).toBeUndefined();
  });

  test('the Markdown summary has a clones section only when a scenario cloned', () => {
    const report = (scenarios: ScenarioResult[]): RunReport => ({
      schemaVersion: 1,
      runId: '1',
      startedAt: 's',
      finishedAt: 'f',
      host: {
        os: 'linux',
        arch: 'x64',
        cpus: 4,
        memoryMiB: 16_384,
        accelerator: 'kvm',
        acceleratorDetail: 'ok',
      },
      versions: { winguest: '0', node: '24' },
      scenarios,
    });
    expect(renderMarkdown(report([cloned({})]))).toContain(
      '### Clones (install once, clone in parallel)\n\n- win11-clones-amd64:',
    );
    expect(renderMarkdown(report([cloned({ imageCreateMs: undefined })]))).not.toContain('### Clones');
  });
});
