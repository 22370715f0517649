import { windowsZonesTable } from './windows-zones.generated';

interface Zones {
  /** Windows ID → IANA names, territory 001's first. */
  byWindowsId: Map<string, readonly string[]>;
  /** IANA name (any CLDR alias) → Windows ID. */
  byIana: Map<string, string>;
}

let zones: Zones | undefined;

function loadZones(): Zones {
  if (zones) return zones;
  const byWindowsId = new Map<string, readonly string[]>();
  const byIana = new Map<string, string>();
  for (const line of windowsZonesTable.split('\n')) {
    const [id = '', names = ''] = line.split('|');
    const list = names.split(' ');
    byWindowsId.set(id, list);
    for (const name of list) byIana.set(name, id);
  }
  zones = { byWindowsId, byIana };
  return zones;
}

/** Whether `id` is a Windows time zone ID known to CLDR, e.g. "W. Europe Standard Time". */
export function isWindowsTimeZone(id: string): boolean {
  return loadZones().byWindowsId.has(id);
}

/**
 * The Windows time zone ID for a Windows ID (returned as is) or an IANA name ("Europe/Berlin" →
 * "W. Europe Standard Time"), through CLDR's windowsZones table; undefined when neither.
 */
export function toWindowsTimeZone(zone: string): string | undefined {
  const { byWindowsId, byIana } = loadZones();
  if (byWindowsId.has(zone)) return zone;
  return byIana.get(zone);
}

/** The IANA names CLDR maps to a Windows ID (the main one first); empty for an unknown ID. */
export function ianaZonesOf(windowsId: string): readonly string[] {
  return loadZones().byWindowsId.get(windowsId) ?? [];
}

/** Why `zone` is not a usable time zone, suggesting a close match; undefined when it is. */
export function timeZoneProblem(zone: string): string | undefined {
  if (toWindowsTimeZone(zone)) return undefined;
  const lower = zone.toLowerCase();
  const { byWindowsId, byIana } = loadZones();
  const match = [...byWindowsId.keys(), ...byIana.keys()].find((name) => name.toLowerCase() === lower);
  const hint = match
    ? `; did you mean "${match}"?`
    : ' (e.g. "UTC", "W. Europe Standard Time", "Europe/Berlin")';
  return `${JSON.stringify(zone)} is neither a Windows time zone ID nor an IANA name known to CLDR${hint}`;
}
