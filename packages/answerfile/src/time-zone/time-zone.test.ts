import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { buildWindowsZones, renderWindowsZonesModule } from '../../scripts/windows-zones';
import { ianaZonesOf, isWindowsTimeZone, toWindowsTimeZone } from './time-zone';

const require = createRequire(import.meta.url);
const readJson = (specifier: string) => JSON.parse(readFileSync(require.resolve(specifier), 'utf8'));

describe('the CLDR windowsZones table', () => {
  test('the generated module matches the installed cldr-core and cldr-bcp47 (regenerate with -u)', async () => {
    const windows = readJson('cldr-core/supplemental/windowsZones.json');
    const bcp47 = readJson('cldr-bcp47/bcp47/timezone.json');
    await expect(renderWindowsZonesModule(windows, bcp47)).toMatchFileSnapshot(
      './windows-zones.generated.ts',
    );
  });

  test('every IANA name is non-empty and listed under exactly one Windows ID', () => {
    const zones = buildWindowsZones(
      readJson('cldr-core/supplemental/windowsZones.json'),
      readJson('cldr-bcp47/bcp47/timezone.json'),
    );
    const names = [...zones.values()].flat();
    expect(zones.size).toBeGreaterThan(130);
    expect(names.every((name) => /^[A-Za-z0-9_+\-/]+$/.test(name))).toBe(true);
    expect(new Set(names).size).toBe(names.length);
  });

  test('every IANA name of the table maps back to the Windows ID it is listed under', () => {
    for (const id of ['UTC', 'W. Europe Standard Time', 'Pacific Standard Time', 'India Standard Time']) {
      for (const name of ianaZonesOf(id)) expect(toWindowsTimeZone(name), name).toBe(id);
    }
  });
});

describe('toWindowsTimeZone', () => {
  test.each([
    ['Europe/Berlin', 'W. Europe Standard Time'],
    ['Europe/London', 'GMT Standard Time'],
    ['America/New_York', 'Eastern Standard Time'],
    ['America/Los_Angeles', 'Pacific Standard Time'],
    ['Asia/Tokyo', 'Tokyo Standard Time'],
    ['Australia/Sydney', 'AUS Eastern Standard Time'],
    // Current IANA names and CLDR's older canonical ones both resolve (through the bcp47 aliases).
    ['Asia/Kolkata', 'India Standard Time'],
    ['Asia/Calcutta', 'India Standard Time'],
    ['Europe/Kyiv', 'FLE Standard Time'],
    ['Europe/Kiev', 'FLE Standard Time'],
    ['Etc/UTC', 'UTC'],
    ['UTC', 'UTC'],
    ['W. Europe Standard Time', 'W. Europe Standard Time'],
  ])('%s → %s', (zone, windowsId) => {
    expect(toWindowsTimeZone(zone)).toBe(windowsId);
  });

  test.each(['Mars/Olympus', 'europe/berlin', '', 'CET+1'])('%j is unknown', (zone) => {
    expect(toWindowsTimeZone(zone)).toBeUndefined();
  });

  test('Windows IDs are recognised, IANA names are not Windows IDs', () => {
    expect(isWindowsTimeZone('Romance Standard Time')).toBe(true);
    expect(isWindowsTimeZone('Europe/Paris')).toBe(false);
    expect(ianaZonesOf('Romance Standard Time')[0]).toBe('Europe/Paris');
  });
});
