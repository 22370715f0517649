import * as z from 'zod';
import { bad, mediaPathSchema } from '../common-schemas';
import { ps } from '../powershell-code';
import { stepNamePattern } from '../progress-line';
import type { RenderedStep } from './rendered-step';

/** Names the script itself reports; user steps cannot take them. */
export const reservedStepNames = [
  'power',
  'guest-agent',
  'openssh',
  'authorized-keys',
  'default-shell',
  'shared-folders',
  'secrets-cleanup',
  'launcher',
  'ready',
] as const;

/** One of the caller's own PowerShell files, run as a named step. */
export const userStepSchema = z
  .object({
    /** The step name in progress lines: letters, digits, `.`, `_`, `-`, at most 64 characters. */
    name: z
      .string()
      .regex(stepNamePattern, {
        error: bad(
          'is not a step name (letters, digits, ".", "_", "-"; starts with a letter or digit; at most 64)',
        ),
      })
      .refine((name) => !(reservedStepNames as readonly string[]).includes(name.toLowerCase()), {
        error: bad(`is reserved (${reservedStepNames.join(', ')})`),
      }),
    /** The .ps1 file on the media, relative to the script's folder. */
    path: mediaPathSchema,
  })
  .strict();

/** The input of one user step. */
export type UserStepOptions = z.input<typeof userStepSchema>;

/** A user step fails when its script throws, or ends with a non-zero `$LASTEXITCODE`. */
export function renderUserStep(options: z.output<typeof userStepSchema>): RenderedStep {
  const body = ps`$userScript = Get-WinguestMediaPath -RelativePath ${options.path}
if (-not (Test-Path -LiteralPath $userScript -PathType Leaf)) { throw ('Script not found on the media: ' + $userScript) }
$global:LASTEXITCODE = 0
& $userScript
if ($LASTEXITCODE -ne 0) { throw ($userScript + ' ended with exit code ' + $LASTEXITCODE) }
Add-WinguestChange -Message ('ran ' + $userScript)`;
  return { name: options.name, body };
}
