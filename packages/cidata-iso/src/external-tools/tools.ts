import { findExecutable } from '@winguest/shell';

/** The external ISO writers this module drives. */
export const isoTools = ['xorriso', 'genisoimage', 'mkisofs', 'hdiutil'] as const;

/** One of `isoTools`. */
export type IsoTool = (typeof isoTools)[number];

/** How each tool is installed, for the not-found message. */
export const installHints: Record<IsoTool, string> = {
  xorriso:
    'Install it with `apt-get install xorriso` (Debian/Ubuntu), `dnf install xorriso` or `brew install xorriso`.',
  genisoimage: 'Install it with `apt-get install genisoimage` (Debian/Ubuntu) or `dnf install genisoimage`.',
  mkisofs:
    'Install it with `brew install cdrtools` (macOS) or `apt-get install genisoimage` (Debian/Ubuntu).',
  hdiutil: 'hdiutil ships with macOS only.',
};

/** The tools present on this host, in preference order, with their paths. */
export function detectIsoTools(env: NodeJS.ProcessEnv = process.env): { tool: IsoTool; path: string }[] {
  return isoTools.flatMap((tool) => {
    const path = findExecutable(tool, { env });
    return path ? [{ tool, path }] : [];
  });
}

/** Arguments that make `tool` write a Joliet image of the staged input to `output`. */
export function toolArguments(
  tool: IsoTool,
  input: { pathList: string; stagedRoot: string },
  output: string,
  volumeLabel: string,
): string[] {
  switch (tool) {
    case 'xorriso':
      return ['-as', 'mkisofs', '-quiet', ...mkisofsArguments(input.pathList, output, volumeLabel)];
    case 'genisoimage':
    case 'mkisofs':
      // -D keeps directories deeper than ISO 9660's 8 levels instead of silently dropping them.
      return ['-quiet', '-D', ...mkisofsArguments(input.pathList, output, volumeLabel)];
    case 'hdiutil':
      return [
        'makehybrid',
        '-iso',
        '-joliet',
        '-ov',
        '-default-volume-name',
        volumeLabel,
        '-o',
        output,
        input.stagedRoot,
      ];
  }
}

function mkisofsArguments(pathList: string, output: string, volumeLabel: string): string[] {
  const names = ['-J', '-input-charset', 'utf-8', '-V', volumeLabel];
  return [...names, '-o', output, '-graft-points', '-path-list', pathList];
}
