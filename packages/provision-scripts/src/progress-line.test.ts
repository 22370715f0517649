import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { formatProgressLine, type ProgressLine, parseProgressLine, progressStatuses } from './index';

describe('parseProgressLine', () => {
  test.each<[string, ProgressLine]>([
    ['WINGUEST openssh start', { kind: 'step', step: 'openssh', status: 'start' }],
    [
      'WINGUEST openssh ok 12.34 installed OpenSSH-Win64.msi; sshd started',
      {
        kind: 'step',
        step: 'openssh',
        status: 'ok',
        seconds: 12.34,
        message: 'installed OpenSSH-Win64.msi; sshd started',
      },
    ],
    [
      'WINGUEST power skip 0.05 already as wanted',
      { kind: 'step', step: 'power', status: 'skip', seconds: 0.05, message: 'already as wanted' },
    ],
    [
      "WINGUEST guest-agent fail 3.00 Service QEMU-GA does not start: can't",
      {
        kind: 'step',
        step: 'guest-agent',
        status: 'fail',
        seconds: 3,
        message: "Service QEMU-GA does not start: can't",
      },
    ],
    ['WINGUEST my.step_1 ok 7', { kind: 'step', step: 'my.step_1', status: 'ok', seconds: 7 }],
    [
      'WINGUEST launcher fail 0 no drive has winguest\\winguest.marker',
      {
        kind: 'step',
        step: 'launcher',
        status: 'fail',
        seconds: 0,
        message: 'no drive has winguest\\winguest.marker',
      },
    ],
    ['WINGUEST ready', { kind: 'ready' }],
    ['  WINGUEST ready\r', { kind: 'ready' }],
    [
      'WINGUEST openssh ok 1.50 Jörg’s key 😀\r\n',
      { kind: 'step', step: 'openssh', status: 'ok', seconds: 1.5, message: 'Jörg’s key 😀' },
    ],
  ])('%j', (line, expected) => {
    expect(parseProgressLine(line)).toEqual(expected);
  });

  test.each([
    [''],
    ['# provisioning started 2026-01-01T00:00:00Z'],
    ['BdsDxe: loading Boot0001 "UEFI QEMU DVD-ROM"'],
    ['WINGUEST'],
    ['WINGUEST openssh'],
    ['WINGUEST openssh done'],
    ['WINGUEST ready ok 1.00'],
    ['WINGUEST -bad start'],
    ['winguest openssh start'],
    ['xWINGUEST openssh start'],
    ['WINGUEST open ssh start'],
  ])('%j is not a protocol line', (line) => {
    expect(parseProgressLine(line)).toBeUndefined();
  });

  test('formatProgressLine output parses back to the same event', () => {
    const event = fc.record(
      {
        kind: fc.constant('step' as const),
        step: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,20}$/).filter((step) => step !== 'ready'),
        status: fc.constantFrom(...progressStatuses),
        seconds: fc.integer({ min: 0, max: 10_000_000 }).map((hundredths) => hundredths / 100),
        message: fc
          .string({ unit: 'grapheme', minLength: 1 })
          .map((text) => `m ${text.replace(/\s+/g, ' ').trim()}`),
      },
      { requiredKeys: ['kind', 'step', 'status'] },
    );
    fc.assert(
      fc.property(event, (input) => {
        const parsed = parseProgressLine(formatProgressLine(input));
        expect(parsed).toEqual({ ...input, message: input.message?.trim() || undefined });
      }),
    );
  });
});
