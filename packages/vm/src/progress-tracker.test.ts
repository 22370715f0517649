import { describe, expect, test } from 'vitest';
import type { VmEventInput } from './events';
import { type BootMode, cleanSerialLine, ProgressTracker } from './progress-tracker';

/** A serial line, a QMP reset (`afterMs` after the signal before; default 1 s), or an SSH login. */
type Signal = string | { reset: true; afterMs?: number } | { ssh: true };

/** Feeds signals to a tracker (1 s apart unless said) and returns the stage sequence and the tracker. */
function run(mode: BootMode, signals: Signal[]) {
  let clock = 0;
  const events: VmEventInput[] = [];
  const tracker = new ProgressTracker(
    mode,
    (e) => events.push(e),
    () => clock,
  );
  for (const signal of signals) {
    clock += typeof signal === 'object' && 'afterMs' in signal ? (signal.afterMs ?? 1000) : 1000;
    if (typeof signal === 'string') tracker.serialLine(signal);
    else if ('reset' in signal) tracker.reset();
    else tracker.sshLogin();
  }
  const stages = events.flatMap((e) => (e.type === 'stage' ? [e.stage] : []));
  return { tracker, events, stages };
}

const dvd =
  'BdsDxe: starting Boot0002 "UEFI QEMU DVD-ROM QM00005 " from PciRoot(0x0)/Pci(0x1F,0x2)/Sata(0x1,0xFFFF,0x0)';
const reset = { reset: true } as const;
const ssh = { ssh: true } as const;

describe('ProgressTracker', () => {
  test.each<[string, BootMode, Signal[], string[]]>([
    [
      'stand-in guest: every stage announced, one reboot',
      'install',
      [
        'WINGUEST setup start',
        'WINGUEST setup ok 0.20',
        'WINGUEST applying-image start',
        reset,
        'WINGUEST specialize start',
        'WINGUEST oobe start',
        'WINGUEST first-logon start',
        'WINGUEST network start',
        'WINGUEST openssh ok 0.50',
        'WINGUEST ready',
        ssh,
      ],
      ['firmware', 'setup', 'applying-image', 'specialize', 'oobe', 'first-logon', 'provisioning', 'ready'],
    ],
    [
      'Windows without progress lines: DVD boot, then Setup reboots',
      'install',
      [dvd, reset, reset, ssh],
      ['firmware', 'setup', 'specialize', 'oobe', 'ready'],
    ],
    [
      'answer-file pass names map to stages; stages never go back',
      'install',
      ['WINGUEST windowsPE start', reset, 'WINGUEST specialize start', 'WINGUEST windowsPE start', reset],
      ['firmware', 'setup', 'specialize', 'oobe'],
    ],
    [
      'installed boot: disk boot, ready line, SSH',
      'installed',
      ['BdsDxe: starting Boot0001 "UEFI QEMU HARDDISK QM00001 " from PciRoot(0x0)', 'WINGUEST ready', ssh],
      ['firmware', 'boot', 'ready'],
    ],
    ['installed boot ignores a DVD start', 'installed', [dvd], ['firmware']],
  ])('%s', (_, mode, signals, expected) => {
    expect(run(mode, signals).stages).toEqual(expected);
  });

  test('each stage event carries the previous stage and how long it lasted', () => {
    const { events } = run('install', ['WINGUEST setup start', 'noise', 'WINGUEST specialize start']);
    const stageEvents = events.filter((e) => e.type === 'stage');
    expect(stageEvents[2]).toEqual({
      type: 'stage',
      stage: 'specialize',
      previous: { stage: 'setup', durationMs: 2000 },
    });
  });

  test('a fail line is recorded as the guest failure, with the step and message', () => {
    const { tracker } = run('install', ['WINGUEST openssh fail 3.00 sshd did not start']);
    expect(tracker.guestFailure).toEqual({ step: 'openssh', message: 'sshd did not start' });
  });

  test('SSH counts as ready only once started provisioning reported ready', () => {
    const { tracker } = run('install', ['WINGUEST setup start', reset, reset, 'WINGUEST openssh start']);
    expect(tracker.sshExpected).toBe(true);
    expect(tracker.provisioningDone).toBe(false);
    tracker.serialLine('WINGUEST ready');
    expect(tracker.provisioningDone).toBe(true);
  });

  test('a login hint is each report after which a login can work: SSH server or keys in place, ready', () => {
    const hints = (lines: string[]) => run('install', lines).tracker.loginHints;
    expect(
      hints(['WINGUEST openssh start', 'WINGUEST openssh fail 0.10 no sshd', 'WINGUEST shares ok 0.10']),
    ).toBe(0);
    expect(hints(['WINGUEST openssh ok 0.20'])).toBe(1);
    expect(hints(['WINGUEST openssh skip 0.01 already as wanted', 'WINGUEST authorized-keys ok 0.02'])).toBe(
      2,
    );
    expect(hints(['WINGUEST openssh ok 0.20', 'WINGUEST authorized-keys ok 0.02', 'WINGUEST ready'])).toBe(3);
  });

  test('SSH is not tried during Setup, and at once on an installed boot', () => {
    expect(run('install', ['WINGUEST setup start', reset]).tracker.sshExpected).toBe(false);
    expect(run('installed', []).tracker.sshExpected).toBe(true);
  });

  test('firmware lines become firmware events; reboots are counted', () => {
    const { events } = run('install', [dvd, reset, reset]);
    expect(events.filter((e) => e.type === 'firmware')).toEqual([
      { type: 'firmware', action: 'starting', device: 'UEFI QEMU DVD-ROM QM00005' },
    ]);
    expect(events.filter((e) => e.type === 'reboot').map((e) => e.count)).toEqual([1, 2]);
  });

  test('the resets of one reboot (SeaBIOS sends several within a second) count once', () => {
    const soon = { reset: true, afterMs: 50 } as const;
    const { events, stages, tracker } = run('install', [
      'WINGUEST setup start',
      reset,
      soon,
      soon,
      reset,
      soon,
    ]);
    expect(events.filter((e) => e.type === 'reboot').map((e) => e.count)).toEqual([1, 2]);
    expect(tracker.resets).toBe(2);
    expect(stages).toEqual(['firmware', 'setup', 'specialize', 'oobe']);
  });
});

describe('cleanSerialLine', () => {
  test.each([
    ['\x1b[2J\x1b[01;01H\x1b[=3h\x1b[2J\x1b[01;01HBdsDxe: loading Boot0001\r', 'BdsDxe: loading Boot0001'],
    ['\x1b[0m\x1b[37m\x1b[40mWINGUEST ready', 'WINGUEST ready'],
    ['\x00\x07 text\x7f ', 'text'],
    ['Jörg ✓', 'Jörg ✓'],
  ])('%j', (raw, clean) => {
    expect(cleanSerialLine(raw)).toBe(clean);
  });
});
