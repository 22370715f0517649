import * as z from 'zod';
import { guestPathSchema } from '../common-schemas';
import { ps } from '../powershell-code';
import type { RenderedStep } from './rendered-step';

/** Options of the `secrets-cleanup` step, which runs last, only after every other step succeeded. */
export const secretsCleanupStepSchema = z
  .object({
    /** More files or folders to delete (absolute, at least two folders deep), e.g. your own staging folder. */
    extraPaths: z.array(guestPathSchema).default([]),
  })
  .strict();

/** The input of the `secrets-cleanup` step. */
export type SecretsCleanupStepOptions = z.input<typeof secretsCleanupStepSchema>;

/**
 * Where Windows Setup leaves copies of the answer file (relative to %SystemRoot%). Passwords in them
 * are masked, but product keys, commands and user names stay readable.
 */
export const cachedAnswerFiles = [
  'Panther\\unattend.xml',
  'Panther\\unattend-original.xml',
  'Panther\\Unattend',
  'System32\\Sysprep\\unattend.xml',
  'System32\\Sysprep\\Panther\\unattend.xml',
] as const;

/** Renders the `secrets-cleanup` step. */
export function renderSecretsCleanupStep(options: z.output<typeof secretsCleanupStepSchema>): RenderedStep {
  const body = ps`$paths = @(${cachedAnswerFiles} | ForEach-Object { Join-Path -Path $env:SystemRoot -ChildPath $_ }) + ${options.extraPaths}
foreach ($path in $paths) {
    if (Test-Path -LiteralPath $path) {
        Remove-Item -LiteralPath $path -Recurse -Force
        Add-WinguestChange -Message ('removed ' + $path)
    }
}`;
  return { name: 'secrets-cleanup', body };
}
