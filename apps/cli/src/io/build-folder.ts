import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { isAlive, removeStaleTempFiles, tempFileOwner, tempPathFor } from '@winguest/shell';
import { CliError } from '../errors';
import { assertWritable, type OutputFile, writeAtomic } from './write-outputs';

/** The file in a staging folder listing what to move into place; written last, it marks it complete. */
const manifestName = '.manifest.json';

interface Manifest {
  /** Staged file names, moved into the build folder. */
  files: string[];
  /** Names removed from the build folder (an earlier build's file this one does not write). */
  remove: string[];
}

/** What a build writes: plain files, files a writer produces (the cidata ISO), and obsolete names. */
export interface BuildFolderPlan {
  dir: string;
  files: OutputFile[];
  /** `name → writer`: called with a path inside the staging folder. */
  produced: Record<string, (path: string) => Promise<unknown>>;
  /** Names an earlier build may have left that this one must not keep (password.txt). */
  remove: string[];
  force: boolean;
  cwd: string;
}

/**
 * Replaces a build folder's files all together: every file is written into a staging folder
 * beside them (`.winguest-build.<pid>.<random>.tmp`), a manifest marks it complete, then each is
 * renamed into place and obsolete files are removed. A lock keeps two builds out of one folder.
 * A run killed before the manifest leaves the old files; one killed after it is completed by the
 * next run — the folder ends all old or all new. Stale temp files of dead runs are removed.
 */
export async function writeBuildFolder(plan: BuildFolderPlan): Promise<void> {
  await mkdir(plan.dir, { recursive: true });
  const { acquireLock } = await import('@winguest/vm/lock');
  const lock = acquireLock(join(plan.dir, '.winguest-build.lock'), plan.dir, `The build folder ${plan.dir}`);
  try {
    await recoverStaged(plan.dir);
    const names = [
      ...plan.files.map((f) => f.path),
      ...Object.keys(plan.produced).map((n) => join(plan.dir, n)),
    ];
    await assertWritable([...names, ...plan.remove.map((n) => join(plan.dir, n))], plan.force, plan.cwd);
    const stage = tempPathFor(join(plan.dir, 'winguest-build'));
    await mkdir(stage, { mode: 0o700 });
    try {
      const staged = await stageFiles(plan, stage);
      await writeAtomic({ path: join(stage, manifestName), content: JSON.stringify(staged) });
    } catch (error) {
      await rm(stage, { recursive: true, force: true });
      throw error;
    }
    await applyStaged(plan.dir, stage);
  } finally {
    lock.release();
  }
}

async function stageFiles(plan: BuildFolderPlan, stage: string): Promise<Manifest> {
  const files: string[] = [];
  for (const file of plan.files) {
    const name = file.path.slice(plan.dir.length + 1);
    await writeAtomic({ ...file, path: join(stage, name) });
    files.push(name);
  }
  for (const [name, write] of Object.entries(plan.produced)) {
    await write(join(stage, name));
    files.push(name);
  }
  return { files, remove: plan.remove };
}

/** Moves a complete staging folder's files into `dir`, removes obsolete ones, then the folder. */
async function applyStaged(dir: string, stage: string): Promise<void> {
  const manifest = JSON.parse(await readFile(join(stage, manifestName), 'utf8')) as Manifest;
  for (const name of manifest.files) {
    await rename(join(stage, name), join(dir, name)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw commitFailed(dir, error); // ENOENT: moved by an earlier try
    });
  }
  for (const name of manifest.remove) await rm(join(dir, name), { force: true });
  await syncDir(dir);
  await rm(stage, { recursive: true, force: true });
}

/** Completes the staged builds of runs that died after staging them; the rest is left to the sweep. */
async function recoverStaged(dir: string): Promise<void> {
  for (const name of await readdir(dir)) {
    const pid = tempFileOwner(name);
    if (pid === undefined || !name.startsWith('.winguest-build.')) continue;
    const complete = await readFile(join(dir, name, manifestName)).then(
      () => true,
      () => false,
    );
    if (complete && pid !== process.pid && !isAlive(pid)) await applyStaged(dir, join(dir, name));
  }
  removeStaleTempFiles(dir);
}

async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => undefined); // not possible on Windows
  await handle?.sync().catch(() => undefined);
  await handle?.close();
}

function commitFailed(dir: string, error: Error): CliError {
  return new CliError('write-failed', `Could not move the new build into ${dir}: ${error.message}`, {
    hint: 'run the build again: it completes the files already staged',
    cause: error,
  });
}
