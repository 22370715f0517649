import type { CheckDefinition } from './check.ts';
import { firstValue, parseKeyValues } from './key-values.ts';

/** The file the harness puts into the host folder before boot; the guest must see it. */
export const sharedFolderMarker = 'winguest-e2e-marker.txt';

/** The share's virtio-fs tag (the stand-in mounts it at /mnt/<tag>). */
export const sharedFolderTag = 'winguest-e2e';

/** The host folder is mounted in the guest and shows the harness's marker file. */
export const sharedFolderCheck: CheckDefinition = {
  id: 'shared-folder',
  title: 'shared folder is mounted and shows the host files',
  script: {
    windows: ({ scenario }) => {
      const root = `${scenario.options.sharedFolder?.driveLetter ?? 'Z'}:\\`;
      return `$root = '${root}'
'mounted=' + (Test-Path -LiteralPath $root)
$marker = Join-Path -Path $root -ChildPath '${sharedFolderMarker}'
if (Test-Path -LiteralPath $marker) { 'marker=' + (Get-Content -LiteralPath $marker -Raw).Trim() }`;
    },
    standin: () => {
      const root = `/mnt/${sharedFolderTag}`;
      return `if grep -q ' ${root} virtiofs ' /proc/mounts; then echo mounted=True; else echo mounted=False; fi
[ -f ${root}/${sharedFolderMarker} ] && echo "marker=$(cat ${root}/${sharedFolderMarker})"
true`;
    },
  },
  evaluate(output, { scenario }) {
    const values = parseKeyValues(output);
    const mounted = firstValue(values, 'mounted') === 'True';
    const marker = firstValue(values, 'marker');
    const expected = scenario.name;
    return {
      passed: mounted && marker === expected,
      detail: mounted
        ? `mounted; marker ${marker === undefined ? 'missing' : JSON.stringify(marker)} (expected ${JSON.stringify(expected)})`
        : `${scenario.options.sharedFolder?.driveLetter ?? 'Z'}: is not mounted`,
    };
  },
};
