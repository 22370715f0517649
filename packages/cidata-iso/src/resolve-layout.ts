import { readdirSync, type Stats, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ResolvedEntry } from './build-tree';
import { InvalidLayoutError, type LayoutIssue, SourceMissingError } from './errors';
import { declaredSize, type IsoEntry, type IsoLayout, type IsoSource } from './layout';

/**
 * Turns a layout into entries of known size: checks each entry's shape (all problems at once),
 * expands `tree` entries by walking their host directory (sorted), and stats `{ path }` sources.
 */
export function resolveLayout(layout: IsoLayout): ResolvedEntry[] {
  if (!Array.isArray(layout)) throw new InvalidLayoutError([{ path: 'entries', message: 'is not an array' }]);
  const issues = layout.flatMap((entry, i) => shapeIssues(entry, `entries[${i}]`));
  if (issues.length > 0) throw new InvalidLayoutError(issues);
  return layout.flatMap((entry, i) => resolveEntry(entry, `entries[${i}]`));
}

function shapeIssues(entry: IsoEntry, where: string): LayoutIssue[] {
  if (typeof entry !== 'object' || entry === null)
    return [{ path: where, message: 'is not an entry object' }];
  if (typeof entry.path !== 'string') return [{ path: `${where}.path`, message: 'must be a string' }];
  if (entry.type === 'directory') return [];
  if (entry.type === 'tree') {
    return typeof entry.from === 'string'
      ? []
      : [{ path: `${where}.from`, message: 'must be a host directory path' }];
  }
  if (entry.type === 'file')
    return isSource(entry.source) ? [] : [{ path: `${where}.source`, message: sourceHint }];
  return [
    {
      path: `${where}.type`,
      message: `"${String((entry as { type: unknown }).type)}" is not file, directory or tree`,
    },
  ];
}

const sourceHint = 'must be a string, a Uint8Array, { path } or { size, open }';

function isSource(source: unknown): source is IsoSource {
  if (typeof source === 'string' || source instanceof Uint8Array) return true;
  if (typeof source !== 'object' || source === null) return false;
  if ('path' in source) return typeof source.path === 'string';
  return (
    'size' in source &&
    typeof source.size === 'number' &&
    'open' in source &&
    typeof source.open === 'function'
  );
}

function resolveEntry(entry: IsoEntry, where: string): ResolvedEntry[] {
  const pathWhere = `${where}.path`;
  if (entry.type === 'directory') return [{ type: 'directory', path: entry.path, where: pathWhere }];
  if (entry.type === 'tree') return walkTree(entry.path, entry.from, `${where}.from`);
  const size = declaredSize(entry.source) ?? fileSize(entry.path, (entry.source as { path: string }).path);
  return [{ type: 'file', path: entry.path, source: entry.source, size, where: pathWhere }];
}

/**
 * Stats are synchronous: one stat is a few microseconds, while a promise per file costs a thread-pool
 * round trip each, which dominated walking trees of thousands of small files.
 */
function fileSize(imagePath: string, hostPath: string): number {
  try {
    const info = statSync(hostPath);
    if (!info.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'not a regular file' });
    return info.size;
  } catch (error) {
    throw new SourceMissingError(imagePath, hostPath, error);
  }
}

function walkTree(imagePath: string, hostDir: string, where: string, entries: ResolvedEntry[] = []) {
  let names: string[];
  try {
    names = readdirSync(hostDir).sort();
  } catch (error) {
    throw new SourceMissingError(imagePath, hostDir, error);
  }
  if (imagePath !== '') entries.push({ type: 'directory', path: imagePath, where });
  for (const name of names) {
    const host = join(hostDir, name);
    const path = imagePath === '' ? name : `${imagePath}/${name}`;
    let info: Stats;
    try {
      info = statSync(host);
    } catch (error) {
      throw new SourceMissingError(path, host, error);
    }
    if (info.isDirectory()) walkTree(path, host, where, entries);
    else
      entries.push({
        type: 'file',
        path,
        source: { path: host },
        size: info.size,
        where: `${where} (${host})`,
      });
  }
  return entries;
}
