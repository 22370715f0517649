import { describe, expect, test } from 'vitest';
import { problems } from './__fixtures__/guest-problems';
import { resolveGuest } from './resolve-guest';

describe('resolveGuest', () => {
  test('reports every problem at once with its path: fields, time zone and answer/provision overrides', () => {
    const found = problems({
      computerName: 'my_pc!',
      timeZone: 'Mars/Olympus',
      user: { name: 'Guest' },
      vm: { cpus: 0, memoryMiB: 128 },
      answer: { disk: { espSizeMb: 7 } },
      provision: { openssh: { port: 0 } },
    });
    expect(found).toEqual([
      expect.stringMatching(/^computerName: "my_pc!" may contain only/),
      expect.stringMatching(/^timeZone: "Mars\/Olympus" is neither a Windows time zone ID nor an IANA name/),
      expect.stringMatching(/^user\.name: "Guest" is reserved/),
      expect.stringMatching(/^vm\.cpus: .*\(got 0\)$/),
      expect.stringMatching(/^vm\.memoryMiB: .*\(got 128\)$/),
      expect.stringMatching(/^answer\.disk\.espSizeMb: /),
      expect.stringMatching(/^provision\.openssh\.port: /),
    ]);
  });

  test('bounds come from the package that owns the field (qemu-args: memory ≥ 256 MiB, ≤ 255 CPUs)', () => {
    expect(problems({ vm: { memoryMiB: 256, cpus: 255 } })).toEqual([]);
    expect(problems({ vm: { cpus: 256 } })).toEqual([expect.stringMatching(/^vm\.cpus: /)]);
  });

  test('an empty description resolves to working defaults', () => {
    expect(resolveGuest({})).toMatchObject({
      family: 'windows11',
      timeZone: 'UTC',
      vm: { cpus: 2, memoryMiB: 4096, disk: { sizeGiB: 64 }, accelerator: 'auto' },
    });
  });

  test('edition accepts a name, { index } or { description }, but only one of them', () => {
    expect(resolveGuest({ edition: { description: 'Windows 11 Pro N' } }).edition).toEqual({
      description: 'Windows 11 Pro N',
    });
    expect(problems({ edition: { name: 'Windows 11 Pro', index: 6 } })).toEqual([
      expect.stringMatching(/^answer\.edition: gives name and index; choose the image by one of them only/),
    ]);
  });

  test('secrets are never echoed, and unknown fields are named', () => {
    expect(problems({ user: { password: 'Hunter2!' } })).toEqual([expect.stringMatching(/^user: /)]);
    expect(JSON.stringify(problems({ user: { password: 'Hunter2!' } }))).not.toContain('Hunter2!');
  });
});
