/** Longest name Joliet allows, in UTF-16 code units (the Joliet specification's 64 characters). */
export const jolietNameLimit = 64;

/**
 * Longest path inside the image, in UTF-16 code units. ISO 9660 caps paths at 255 bytes and Windows
 * at 260 characters including the drive (`D:\`) and more path the guest may append; 240 leaves room.
 */
export const imagePathLimit = 240;

/** Only ASCII: normalising it changes nothing. */
export const asciiOnly = /^[^\u0080-\uffff]*$/;

const jolietForbidden = new Set(['*', '/', ':', ';', '?', '\\']);
const windowsForbidden = new Set(['<', '>', '"', '|']);

/** 1 for each ASCII code unit `characterProblem` may refuse: controls and the forbidden characters. */
const suspectAscii = new Uint8Array(0x80).fill(1, 0, 0x20);
for (const ch of [...jolietForbidden, ...windowsForbidden]) suspectAscii[ch.charCodeAt(0)] = 1;

/** Why `name` cannot be a Joliet file or directory name that Windows can open, or undefined if it can. */
export function jolietNameProblem(name: string): string | undefined {
  if (name === '') return 'has an empty name (a leading, trailing or doubled "/")';
  if (name === '.' || name === '..') return `uses "${name}", which cannot name an entry in an image`;
  if (name.length > jolietNameLimit) {
    return `name "${name}" is ${name.length} characters; Joliet allows at most ${jolietNameLimit}, shorten it`;
  }
  for (let i = 0; i < name.length; i++) {
    const unit = name.charCodeAt(i);
    // Most characters are fine: look closer only at controls, the forbidden ASCII and surrogates.
    if (unit >= 0x80 ? unit < 0xd800 || unit > 0xdfff : suspectAscii[unit] === 0) continue;
    const problem = characterProblem(name, i);
    if (problem) return `name "${name}" ${problem}`;
  }
  if (/[. ]$/.test(name)) {
    return `name "${name}" ends with "." or a space, which Windows strips, so it could not be opened`;
  }
  return undefined;
}

function characterProblem(name: string, i: number): string | undefined {
  const ch = name.charAt(i);
  const unit = name.charCodeAt(i);
  if (unit < 0x20 || jolietForbidden.has(ch)) return `contains ${formatUnit(unit)}, which Joliet forbids`;
  if (windowsForbidden.has(ch)) return `contains ${formatUnit(unit)}, which Windows forbids in file names`;
  if (unit >= 0xd800 && unit <= 0xdfff) {
    const point = name.codePointAt(unit <= 0xdbff ? i : i - 1) ?? unit;
    return `contains U+${point.toString(16).toUpperCase()}, beyond the UCS-2 characters Joliet can store`;
  }
  return undefined;
}

function formatUnit(unit: number): string {
  const hex = `U+${unit.toString(16).toUpperCase().padStart(4, '0')}`;
  return unit < 0x20 ? hex : `"${String.fromCharCode(unit)}" (${hex})`;
}

/** The key under which Windows considers two names the same (it compares case-insensitively). */
export function caseFoldKey(name: string): string {
  // ASCII is already in NFC: skip the normalisation for the common case.
  return (asciiOnly.test(name) ? name : name.normalize('NFC')).toUpperCase();
}

/** Joliet order: by UTF-16 code units, which is how JavaScript compares strings. */
export function compareJoliet(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
