import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { filmstripFrames, renderFilmstripHtml, type ScreenshotSource } from '../report/filmstrip.ts';
import type { Frame, ScenarioResult } from '../report/results-schema.ts';
import { parseProcCmdline, shellCommandLine } from './qemu-command.ts';
import type { WinguestCli } from './winguest-cli.ts';

const logsSchema = z.looseObject({
  serial: z.string().optional(),
  previousSerial: z.string().optional(),
  qemu: z.string().optional(),
  screenshots: z.array(z.string()).default([]),
});

/** Copies `winguest logs <name> --json`'s files into the artifact folder (before `rm` deletes them). */
export async function collectLogs(
  cli: WinguestCli,
  instance: string,
  dir: string,
): Promise<{ artifacts: Partial<ScenarioResult['artifacts']>; screenshots: string[]; ok: boolean }> {
  const run = await cli.run(['logs', instance, '--json']);
  if (run.exitCode !== 0) return { artifacts: {}, screenshots: [], ok: false };
  const parsed = logsSchema.safeParse(JSON.parse(run.stdout || '{}'));
  if (!parsed.success) return { artifacts: {}, screenshots: [], ok: false };
  const logs = parsed.data;
  const artifacts: Partial<ScenarioResult['artifacts']> = {};
  const copy = async (from: string | undefined, name: string) => {
    if (!from) return undefined;
    return copyFile(from, join(dir, name)).then(
      () => name,
      () => undefined,
    );
  };
  artifacts.serialLog = await copy(logs.serial, 'serial.log');
  artifacts.previousSerialLog = await copy(logs.previousSerial, 'serial.previous.log');
  artifacts.qemuLog = await copy(logs.qemu, 'qemu.log');
  return { artifacts, screenshots: logs.screenshots, ok: true };
}

/**
 * Writes the QEMU command line as `qemu-command.txt`: the running process's own argv when there is
 * one (Linux /proc, else `ps`), otherwise the command file `winguest build` wrote for the config.
 */
export async function saveQemuCommand(
  dir: string,
  pid: number | undefined,
  fallbackFile: string | undefined,
): Promise<{ file: string; argv: string[] | undefined } | undefined> {
  let argv: string[] | undefined;
  if (pid !== undefined)
    argv = await readFile(`/proc/${pid}/cmdline`, 'utf8').then(parseProcCmdline, () => undefined);
  const text = argv
    ? `${shellCommandLine(argv)}\n`
    : await readFile(fallbackFile ?? '', 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  await writeFile(join(dir, 'qemu-command.txt'), text);
  return { file: 'qemu-command.txt', argv };
}

/** Copies the screenshots into `filmstrip/` and writes `filmstrip.html`; returns the frames. */
export async function saveFilmstrip(
  dir: string,
  scenario: string,
  reported: readonly ScreenshotSource[],
  listed: readonly string[],
): Promise<Frame[]> {
  const sources = filmstripFrames(reported, listed);
  if (sources.length === 0) return [];
  await mkdir(join(dir, 'filmstrip'), { recursive: true });
  const frames: Frame[] = [];
  for (const source of sources) {
    const file = `filmstrip/${basename(source.path)}`;
    const copied = await copyFile(source.path, join(dir, file)).then(
      () => true,
      () => false,
    );
    if (!copied) continue;
    frames.push({
      file,
      stage: source.stage ?? 'unknown',
      reason: source.reason ?? 'unknown',
      ...(source.elapsedMs === undefined ? {} : { elapsedMs: source.elapsedMs }),
    });
  }
  await writeFile(join(dir, 'filmstrip.html'), renderFilmstripHtml(scenario, frames));
  return frames;
}
