/** A binary package as apt-cache describes its candidate version. */
export interface AptPackage {
  /** Package name, e.g. `dropbear-bin`. */
  name: string;
  /** Candidate version, e.g. `2022.83-1+deb12u3` (epochs included: `1:1.35.0-4`). */
  version: string;
  /** Debian architecture, e.g. `amd64` or `all`. */
  architecture: string;
  /** Names this package depends on (Pre-Depends and Depends; the first of each alternative). */
  depends: string[];
}

/** Parses `apt-cache show --no-all-versions` output: one stanza per package, blank-line separated. */
export function parseAptShow(text: string): AptPackage[] {
  return text
    .split(/\n\s*\n/)
    .map(parseStanza)
    .filter((pkg): pkg is AptPackage => pkg !== undefined);
}

function parseStanza(stanza: string): AptPackage | undefined {
  const fields = new Map<string, string>();
  let last = '';
  for (const line of stanza.split('\n')) {
    if (/^\s/.test(line) && last) fields.set(last, `${fields.get(last)} ${line.trim()}`);
    else {
      const colon = line.indexOf(':');
      if (colon < 0) continue;
      last = line.slice(0, colon);
      fields.set(last, line.slice(colon + 1).trim());
    }
  }
  const name = fields.get('Package');
  const version = fields.get('Version');
  if (!name || !version) return undefined;
  const depends = [fields.get('Pre-Depends'), fields.get('Depends')]
    .filter((value): value is string => Boolean(value))
    .flatMap((value) => value.split(','))
    .map(
      (alternatives) =>
        alternatives
          .split('|')[0]
          ?.trim()
          .split(/[\s(:]/)[0] ?? '',
    )
    .filter(Boolean);
  return { name, version, architecture: fields.get('Architecture') ?? 'all', depends };
}

/** The file name `apt-get download` gives a package: the epoch's colon is written `%3a`. */
export function debFileName(pkg: AptPackage): string {
  return `${pkg.name}_${pkg.version.replace(':', '%3a')}_${pkg.architecture}.deb`;
}
