import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { constants, Script } from 'node:vm';

/** The loaded CLI bundle: `run` is run.ts's; `saveCodeCache` keeps what this command compiled. */
export interface LoadedBundle {
  run(args: string[]): Promise<number>;
  saveCodeCache(): void;
}

/**
 * Loads the CLI bundle (one CommonJS file) through V8 with a code cache per command, in a
 * `winguest` folder of Node's compile cache directory (NODE_COMPILE_CACHE, else
 * <tmp>/node-compile-cache; NODE_DISABLE_COMPILE_CACHE=1 turns it off; safe to delete). Node's own
 * compile cache stores a module's code as compiled before it runs, which leaves out every function
 * compiled lazily while it runs, and that was most of a cold `winguest build`; the cache written
 * here is taken after the command ran, so the next run of that command compiles almost nothing.
 * V8 checks the cache against the source and its own version, and the file name carries the
 * bundle's size and mtime, so a changed bundle or Node never reuses a stale one.
 */
export function loadBundle(path: string, args: readonly string[]): LoadedBundle {
  // esbuild writes ASCII only (it escapes the rest), so latin1 reads it exactly, and faster.
  const source = readFileSync(path, 'latin1');
  const cache = codeCache(path, args[0]);
  let cachedData: Buffer | undefined;
  try {
    cachedData = cache ? readFileSync(join(cache.dir, cache.file)) : undefined;
  } catch {}
  // The same wrapper Node gives a CommonJS module, on a line of its own that the line numbers of
  // stack traces leave out, so they (and the source map) point into the bundle as written.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {\n${source}\n})`, {
    filename: path,
    lineOffset: -1,
    ...(cachedData ? { cachedData } : {}),
    importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const exported = { exports: {} as { run: LoadedBundle['run'] } };
  script.runInThisContext()(exported.exports, createRequire(path), exported, path, dirname(path));
  return {
    run: (runArgs) => exported.exports.run(runArgs),
    saveCodeCache() {
      if (!cache || (cachedData && !script.cachedDataRejected)) return;
      try {
        writeCodeCache(cache, script.createCachedData());
      } catch {
        // A cache that cannot be written only costs the next run its compile time.
      }
    },
  };
}

interface CodeCache {
  dir: string;
  /** `<command>.<bundle path hash>.<bundle size>-<bundle mtime>.cache` */
  file: string;
  /** `<command>.<bundle path hash>.`: what this command's caches of this install start with. */
  prefix: string;
}

/** One cache per command (what `build` compiles is not what `--help` does); none when disabled. */
function codeCache(bundle: string, first: string | undefined): CodeCache | undefined {
  const compileCacheDir = module.getCompileCacheDir?.();
  if (!compileCacheDir) return undefined;
  const command = first && /^[a-z][a-z-]{0,31}$/.test(first) ? first : 'other';
  const { size, mtimeMs } = statSync(bundle);
  const prefix = `${command}.${fnv1a(bundle)}.`;
  return {
    dir: join(compileCacheDir, 'winguest'),
    file: `${prefix}${size}-${Math.trunc(mtimeMs)}.cache`,
    prefix,
  };
}

/** A short hash of the bundle's path, so two installs (global and local, say) keep their own caches. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** Written whole or not at all; this install's caches of earlier bundles for the command are removed. */
function writeCodeCache({ dir, file, prefix }: CodeCache, data: Buffer): void {
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `.${file}.${process.pid}.tmp`);
  writeFileSync(temp, data);
  renameSync(temp, join(dir, file));
  for (const name of readdirSync(dir)) {
    if (name.startsWith(prefix) && name !== file) rmSync(join(dir, name), { force: true });
  }
}
