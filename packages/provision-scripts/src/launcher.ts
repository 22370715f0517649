import * as z from 'zod';
import { bad } from './common-schemas';
import { ProvisionScriptsError } from './errors';
import { parseInput } from './parse-input';
import { ps } from './powershell-code';
import { provisionLogPath } from './runtime-core';

/** The longest command line Windows Setup accepts in a SynchronousCommand. */
export const maxCommandLineLength = 1024;

/** Default names on the media; the cidata ISO layout must put the files there. */
export const launcherDefaults = {
  folder: 'winguest',
  marker: 'winguest.marker',
  script: 'provision.ps1',
} as const;

const fileName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, {
  error: bad('is not a plain file name (letters, digits, ".", "_", "-"; at most 64 characters)'),
});

/** Where the launcher looks for the media and the script. */
export const launcherOptionsSchema = z
  .object({
    /** The folder at the root of the media that holds the marker and the script. */
    folder: fileName.default(launcherDefaults.folder),
    /** The file inside `folder` whose presence identifies our media. */
    marker: fileName.default(launcherDefaults.marker),
    /** The script inside `folder`, as written from `renderProvisionScript`. */
    script: fileName.default(launcherDefaults.script),
  })
  .strict();

/** Launcher options as callers write them (all optional). */
export type LauncherOptions = z.input<typeof launcherOptionsSchema>;

/**
 * Renders the one `FirstLogonCommands` command line that finds our media on whatever drive letter
 * it got (checking `<drive>\<folder>\<marker>`, then `<drive>\<marker>` for flat media such as
 * KubeVirt's sysprep volume, which has no folders, on every drive) and runs the script beside it with
 * `-NoProfile -ExecutionPolicy Bypass`, passing its exit code on. Without the media it appends a
 * `WINGUEST launcher fail` line to the log and exits 2. At most 1024 characters, no `"` inside the
 * command, no `%`.
 */
export function renderLauncher(options: LauncherOptions = {}): string {
  const { folder, marker, script } = parseInput(
    launcherOptionsSchema,
    options,
    'invalid-launcher-options',
    'Launcher options',
  );
  const logDirectory = provisionLogPath.slice(0, provisionLogPath.lastIndexOf('\\'));
  const command = ps`foreach($d in [IO.DriveInfo]::GetDrives()){foreach($w in ($d.Name+${folder}+'\'),$d.Name){if([IO.File]::Exists($w+${marker})){& ($w+${script});exit $LASTEXITCODE}}};$null=New-Item -ItemType Directory -Force -Path ${logDirectory};Add-Content -LiteralPath ${provisionLogPath} -Value ('WINGUEST launcher fail 0 no drive has '+${folder}+'\'+${marker});exit 2`;
  const line = `powershell.exe -NoProfile -ExecutionPolicy Bypass -Command "${command.text}"`;
  if (line.length > maxCommandLineLength) {
    throw new ProvisionScriptsError(
      'invalid-launcher-options',
      `The launcher command line is ${line.length} characters, over Windows Setup's limit of ${maxCommandLineLength}; use shorter names.`,
    );
  }
  return line;
}
