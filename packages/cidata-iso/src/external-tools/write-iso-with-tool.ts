import { chmod, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findExecutable } from '@winguest/shell';
import { execa } from 'execa';
import { buildTree } from '../build-tree';
import type { IsoLayout } from '../layout';
import { resolveIsoOptions } from '../options';
import { resolveLayout } from '../resolve-layout';
import { writeViaTempFile } from '../safe-output';
import { TimeSlice } from '../time-slice';
import type { WriteIsoOptions, WriteIsoResult } from '../write-iso';
import { IsoToolFailedError, IsoToolNotFoundError } from './errors';
import { stage } from './stage';
import { type IsoTool, installHints, toolArguments } from './tools';

/** Options of `writeIsoWithTool`: those of `writeIso`, plus the environment the tool is found in. */
export interface WriteIsoWithToolOptions extends WriteIsoOptions {
  /** Environment used to find the tool on `PATH` and to run it. Default `process.env`. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Writes the same layout `writeIso` takes with an external tool (`xorriso -as mkisofs -J`,
 * `genisoimage -J -D`, `mkisofs -J -D` or `hdiutil makehybrid -iso -joliet`), with the same checks
 * and the same safe output: temporary file beside the destination, mode 0600, no overwrite unless
 * asked. `SOURCE_DATE_EPOCH` is set from the timestamp for tools that honour it (xorriso).
 */
export async function writeIsoWithTool(
  tool: IsoTool,
  layout: IsoLayout,
  destination: string,
  options: WriteIsoWithToolOptions = {},
): Promise<WriteIsoResult> {
  const env = options.env ?? process.env;
  const command = findExecutable(tool, { env });
  if (!command) throw new IsoToolNotFoundError(tool, installHints[tool], env.PATH ?? '');
  const { volumeLabel, date } = resolveIsoOptions(options, env);
  const slice = new TimeSlice();
  const tree = await buildTree(await resolveLayout(layout, slice), slice);
  const staging = await mkdtemp(join(tmpdir(), 'winguest-iso-'));
  try {
    const input = await stage(tree, staging, tool === 'hdiutil');
    const mode = options.mode ?? 0o600;
    await writeViaTempFile(destination, options, async (temp) => {
      // Created private first, so the image is never readable by others, even while being written.
      await writeFile(temp, '', { mode, flag: 'wx' });
      const result = await execa(command, toolArguments(tool, input, temp, volumeLabel), {
        env: { ...env, SOURCE_DATE_EPOCH: String(Math.floor(date.getTime() / 1000)) },
        extendEnv: false,
        reject: false,
        stdin: 'ignore',
      });
      if (result.exitCode !== 0) throw new IsoToolFailedError(tool, result.exitCode, String(result.stderr));
      await chmod(temp, mode);
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return { path: destination, size: (await stat(destination)).size };
}
