import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseUpOutput } from './up-output.ts';
import { summarizeUp } from './up-summary.ts';

const fixture = (name: string) => readFileSync(new URL(`../__fixtures__/${name}`, import.meta.url), 'utf8');

describe('winguest up --json, read back', () => {
  test('a ready guest: stages from the result, time to SSH, time inside QEMU (until the guest said ready), screenshots', () => {
    const output = parseUpOutput(fixture('up-ready.ndjson'));
    expect(output.outcome).toMatchObject({ type: 'result', pid: 4242, totalMs: 50600 });
    expect(output.stray).toEqual([]);
    expect(summarizeUp(output)).toEqual({
      stages: [
        { stage: 'firmware', durationMs: 5000 },
        { stage: 'setup', durationMs: 25000 },
        { stage: 'provisioning', durationMs: 20000 },
      ],
      timeToSshMs: 50310,
      guestMs: 49010, // qemu-started → `WINGUEST ready`: the readiness login after it is the runner's
      lastStage: 'ready',
      screenshots: [
        {
          path: '/tmp/h/instances/s/screenshots/0001-firmware.png',
          stage: 'firmware',
          reason: 'stage',
          elapsedMs: 400,
        },
      ],
    });
  });

  test('a guest that prints no `WINGUEST ready`: its time inside QEMU lasts until `ready`', () => {
    const withoutLine = fixture('up-ready.ndjson')
      .split('\n')
      .filter((line) => !line.includes('"WINGUEST ready"'))
      .join('\n');
    expect(summarizeUp(parseUpOutput(withoutLine)).guestMs).toBe(50010);
  });

  test('a stalled install: the error line, stages up to the failure, the stage it stalled in, stray lines kept', () => {
    const output = parseUpOutput(fixture('up-timeout.ndjson'));
    expect(output.outcome).toMatchObject({ type: 'error', code: 'stage-timeout', stage: 'setup' });
    expect(output.stray).toEqual(['warning: something the CLI printed that is not a protocol line']);
    const summary = summarizeUp(output);
    expect(summary.stages).toEqual([
      { stage: 'firmware', durationMs: 5000 },
      { stage: 'setup', durationMs: 899690 },
    ]);
    expect(summary.timeToSshMs).toBeUndefined();
    expect(summary.lastStage).toBe('setup');
    expect(summary.screenshots.map((s) => s.reason)).toEqual(['failure']);
  });

  test('a CLI that died without a final line has no outcome', () => {
    const output = parseUpOutput(fixture('up-ready.ndjson').split('\n').slice(0, 4).join('\n'));
    expect(output.outcome).toBeUndefined();
    expect(output.events).toHaveLength(4);
  });
});
