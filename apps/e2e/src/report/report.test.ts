import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { execa } from 'execa';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { escapeHtml, filmstripFrames, renderFilmstripHtml } from './filmstrip.ts';
import { formatDuration, overheadOf } from './format.ts';
import { historyLines, parseHistory } from './history.ts';
import { renderJunit } from './junit.ts';
import { renderMarkdown } from './markdown.ts';
import { mergeReports } from './merge-reports.ts';
import type { RunReport, ScenarioResult } from './results-schema.ts';
import { renderTrend } from './trend.ts';

const base: Omit<ScenarioResult, 'scenario' | 'verdict'> = {
  description: 'd',
  guest: 'windows',
  family: 'windows11',
  arch: 'amd64',
  startedAt: '2026-11-21T02:00:00.000Z',
  totalMs: 0,
  stages: [],
  phases: [],
  checks: [],
  clones: [],
  warnings: [],
  artifacts: { dir: 'out/x', filmstrip: [] },
};
const passed: ScenarioResult = {
  ...base,
  scenario: 'standin-amd64',
  guest: 'standin',
  verdict: 'passed',
  totalMs: 62_000,
  timeToSshMs: 52_000,
  guestMs: 50_000,
  stages: [
    { stage: 'setup', durationMs: 20_000 },
    { stage: 'provisioning', durationMs: 30_000 },
  ],
  checks: [{ id: 'hostname', title: 't', verdict: 'passed', detail: 'ok', durationMs: 900 }],
};
const failed: ScenarioResult = {
  ...base,
  scenario: 'win11-amd64',
  verdict: 'failed',
  totalMs: 905_000,
  stages: [{ stage: 'setup', durationMs: 900_000 }],
  failure: {
    phase: 'up',
    code: 'stage-timeout',
    stage: 'setup',
    message: 'No progress in stage setup',
    serialTail: ['\u001b[2JPress any key <now> & "go"'],
  },
  artifacts: {
    dir: 'out/win11-amd64',
    serialLog: 'serial.log',
    filmstrip: [{ file: 'filmstrip/0002-setup.png', stage: 'setup', reason: 'failure' }],
  },
};
const notRun: ScenarioResult = {
  ...base,
  scenario: 'server2025-amd64',
  verdict: 'not-run',
  reason: 'iso: set $WINGUEST_E2E_SERVER2025_ISO to its path',
};
const report: RunReport = {
  schemaVersion: 1,
  runId: '42',
  startedAt: '2026-11-21T02:00:00.000Z',
  finishedAt: '2026-11-21T02:20:00.000Z',
  host: {
    os: 'linux 6.8',
    arch: 'amd64',
    cpus: 4,
    memoryMiB: 16_384,
    accelerator: 'kvm',
    acceleratorDetail: 'kvm works | proven',
  },
  versions: { winguest: '0.1.0', node: '24.21.0', qemu: '8.2.2', commit: 'abcdef0123456789' },
  scenarios: [passed, failed, notRun],
};
const xmllint = requireHostTools([{ command: 'xmllint', debian: 'libxml2-utils' }]);

describe('Markdown summary', () => {
  const md = renderMarkdown(report);
  test('counts, host, one row per scenario with time to SSH and stages', () => {
    expect(md).toContain('**1 passed, 1 failed, 1 not run**');
    expect(md).toContain('accelerator **kvm** (kvm works \\| proven)');
    expect(md).toContain(
      '| standin-amd64 | ✅ passed | 52.0 s | 1 min 02 s | setup 20.0 s → provisioning 30.0 s | 1/1 |',
    );
    expect(md).toContain('| server2025-amd64 | ⏭️ not run | — | — | — | — |');
  });
  test('not-run reasons, the failure with its serial tail and artifacts, the stand-in overhead', () => {
    expect(md).toContain('**server2025-amd64** not run: iso: set $WINGUEST_E2E_SERVER2025_ISO to its path');
    expect(md).toContain('up (stage setup): No progress in stage setup');
    expect(md).toContain('Press any key');
    expect(md).toContain('`serial.log`, `filmstrip.html`');
    expect(md).toContain(
      'standin-amd64: total 1 min 02 s, in QEMU until ready 50.0 s, outside QEMU 12.0 s (19 %)',
    );
  });
});

describe.skipIf(!xmllint.available)('JUnit XML, checked by xmllint', () => {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-junit-'));
  const xpath = async (file: string, expression: string) =>
    (await execa('xmllint', ['--xpath', expression, file])).stdout.trim();

  test('well-formed, with the counts CI reporters read', async () => {
    const file = join(dir, 'junit.xml');
    writeFileSync(file, renderJunit(report));
    await execa('xmllint', ['--noout', file]);
    expect(await xpath(file, 'string(/testsuites/@tests)')).toBe('4');
    expect(await xpath(file, 'string(/testsuites/@failures)')).toBe('1');
    expect(await xpath(file, 'string(/testsuites/@skipped)')).toBe('1');
    expect(await xpath(file, 'string(//testsuite[@name="win11-amd64"]/testcase/failure/@type)')).toBe(
      'stage-timeout',
    );
    expect(
      await xpath(file, 'string(//testsuite[@name="server2025-amd64"]/testcase/skipped/@message)'),
    ).toContain('WINGUEST_E2E_SERVER2025_ISO');
    expect(
      await xpath(
        file,
        'string(//testsuite[@name="standin-amd64"]/properties/property[@name="timeToSshMs"]/@value)',
      ),
    ).toBe('52000');
  });

  test('any text a guest prints (control characters, markup, surrogates) still gives well-formed XML', async () => {
    const samples = fc.sample(fc.string({ unit: 'binary', maxLength: 60 }), 25);
    for (const [i, line] of samples.entries()) {
      const file = join(dir, `fuzz-${i}.xml`);
      const scenario = {
        ...failed,
        failure: {
          ...(failed.failure as NonNullable<ScenarioResult['failure']>),
          message: line,
          serialTail: [line],
        },
      };
      writeFileSync(file, renderJunit({ ...report, scenarios: [scenario] }));
      const lint = await execa('xmllint', ['--noout', file], { reject: false });
      expect(lint.stderr, JSON.stringify(line)).toBe('');
    }
  });
});

describe('history and trend', () => {
  test('each run appends one line per scenario that reads back', () => {
    const { entries, skipped } = parseHistory(`${historyLines(report)}not json\n`);
    expect(skipped).toBe(1);
    expect(entries.map((e) => [e.scenario, e.verdict, e.timeToSshMs])).toEqual([
      ['standin-amd64', 'passed', 52_000],
      ['win11-amd64', 'failed', undefined],
      ['server2025-amd64', 'not-run', undefined],
    ]);
  });

  test('the trend shows pass rate, newest and median time to SSH, change and a sparkline', () => {
    const runs = [60, 62, 58, 70, 75, 80].map(
      (seconds, day) =>
        parseHistory(
          historyLines({
            ...report,
            runId: String(day),
            startedAt: `2026-11-0${day + 1}T02:00:00Z`,
            scenarios: [{ ...passed, timeToSshMs: seconds * 1000 }],
          }),
        ).entries,
    );
    const failedRun = parseHistory(
      historyLines({ ...report, runId: '9', startedAt: '2026-11-09T02:00:00Z', scenarios: [failed] }),
    ).entries;
    const text = renderTrend([...runs.flat(), ...failedRun], 3);
    const line = text.split('\n').find((l) => l.startsWith('standin-amd64')) as string;
    expect(line).toMatch(/standin-amd64\s+3\s+3\/3\s+1 min 20 s\s+1 min 15 s\s+\+25 %\s+▁▅█/);
    expect(text).toMatch(/win11-amd64\s+1\s+0\/1 .*✗/);
    expect(renderTrend([])).toBe('no history yet\n');
  });
});

describe('merging the matrix jobs’ reports', () => {
  test('scenarios in declared order, host from a job where something ran', () => {
    const a: RunReport = { ...report, host: { ...report.host, cpus: 2 }, scenarios: [notRun] };
    const b: RunReport = { ...report, startedAt: '2026-11-21T01:59:00.000Z', scenarios: [failed, passed] };
    const merged = mergeReports([a, b], ['standin-amd64', 'win11-amd64', 'server2025-amd64']);
    expect(merged.scenarios.map((s) => s.scenario)).toEqual([
      'standin-amd64',
      'win11-amd64',
      'server2025-amd64',
    ]);
    expect(merged.host.cpus).toBe(4);
    expect(merged.startedAt).toBe('2026-11-21T01:59:00.000Z');
  });
});

describe('filmstrip and figures', () => {
  test('frames: each file once, labelled by its event or its name, oldest first', () => {
    const frames = filmstripFrames(
      [{ path: '/s/0002-setup.png', stage: 'setup', reason: 'failure', elapsedMs: 9 }],
      ['/s/0002-setup.png', '/s/0001-firmware.png'],
    );
    expect(frames).toEqual([
      { path: '/s/0001-firmware.png', stage: 'firmware', reason: 'interval' },
      { path: '/s/0002-setup.png', stage: 'setup', reason: 'failure', elapsedMs: 9 },
    ]);
  });
  test('the HTML page escapes what it shows', () => {
    expect(renderFilmstripHtml('a<b', [{ file: 'f/"x".png', stage: '<s>', reason: 'r' }])).toContain(
      '<img src="f/&#34;x&#34;.png" alt="&#60;s&#62;"',
    );
    fc.assert(fc.property(fc.string(), (text) => !/[<>"']/.test(escapeHtml(text))));
  });
  test.each([
    [850, '850 ms'],
    [42_300, '42.3 s'],
    [725_000, '12 min 05 s'],
    [7_380_000, '2 h 03 min'],
    [undefined, '—'],
  ])('%s ms reads %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
  test('overhead is the share of the total spent outside QEMU', () => {
    expect(overheadOf({ totalMs: 60_000, guestMs: 45_000 })).toEqual({
      totalMs: 60_000,
      guestMs: 45_000,
      outsideMs: 15_000,
      share: 0.25,
    });
    expect(overheadOf({ totalMs: 60_000 })).toBeUndefined();
  });
  test('the clones of a clone scenario boot in QEMU too: the slowest one counts as guest time', () => {
    expect(overheadOf({ totalMs: 74_000, guestMs: 34_000, cloneToSshMs: 35_000 })).toMatchObject({
      guestMs: 69_000,
      outsideMs: 5_000,
    });
  });
});
