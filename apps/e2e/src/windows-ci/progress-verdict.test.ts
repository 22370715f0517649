import { formatProgressLine } from '@winguest/provision-scripts';
import { describe, expect, test } from 'vitest';
import { progressProblems, type RunExpectation } from './progress-verdict.ts';

const expectation: RunExpectation = {
  steps: [
    { step: 'openssh', outcome: ['ok'] },
    { step: 'secrets-cleanup', outcome: ['ok', 'skip'] },
  ],
  end: { ready: true },
};

function output(lines: string[]): string {
  return `${['# provisioning started', ...lines].join('\r\n')}\r\n`;
}

const good = [
  'WINGUEST openssh start',
  'WINGUEST openssh ok 41.20 installed OpenSSH-Win64.msi',
  'WINGUEST secrets-cleanup start',
  'WINGUEST secrets-cleanup skip 0.01 already as wanted',
  'WINGUEST ready',
];

describe('progressProblems', () => {
  test('accepts a run that reports every step as expected and ends with ready', () => {
    expect(progressProblems(good.join('\n'), output(good), expectation)).toEqual([]);
  });

  test.each([
    [
      'a step that changed something on a run that must change nothing',
      1,
      'WINGUEST openssh skip 0.20 already as wanted',
      'expected WINGUEST openssh ok, got WINGUEST openssh skip',
    ],
    [
      'a step that failed',
      1,
      'WINGUEST openssh fail 1.00 boom',
      'expected WINGUEST openssh ok, got WINGUEST openssh fail',
    ],
    [
      'a missing ready',
      4,
      'WINGUEST secrets-cleanup start',
      'expected WINGUEST ready after the last step, got WINGUEST secrets-cleanup start',
    ],
  ])('reports %s', (_name, index, replacement, problem) => {
    const lines = good.map((line, i) => (i === index ? replacement : line));
    expect(progressProblems(lines.join('\n'), output(lines), expectation)).toContain(problem);
  });

  test('reports a log that differs from stdout', () => {
    const [problem] = progressProblems(good.join('\n'), output(good.slice(0, 3)), expectation);
    expect(problem).toMatch(/^stdout has 5 protocol lines, the log 3/);
  });

  test('a failing step must be the last line, with its message', () => {
    const failing: RunExpectation = {
      ...expectation,
      end: { failStep: 'openssh', message: 'sshd is still missing' },
    };
    const lines = [
      'WINGUEST openssh start',
      formatProgressLine({
        kind: 'step',
        step: 'openssh',
        status: 'fail',
        seconds: 3,
        message: 'sshd is still missing after installing OpenSSH',
      }),
    ];
    expect(progressProblems(lines.join('\n'), output(lines), failing)).toEqual([]);
    const more = [...lines, 'WINGUEST ready'];
    expect(progressProblems(more.join('\n'), output(more), failing)).toEqual([
      'lines after the failure: WINGUEST ready',
    ]);
    const other = [lines[0] as string, 'WINGUEST openssh fail 3.00 another error'];
    expect(progressProblems(other.join('\n'), output(other), failing)).toEqual([
      'openssh failed with "another error", expected a message containing "sshd is still missing"',
    ]);
  });
});
