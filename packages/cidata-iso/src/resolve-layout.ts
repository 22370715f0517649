import { statSync } from 'node:fs';
import type { ResolvedEntry } from './build-tree';
import { InvalidLayoutError, type LayoutIssue, SourceMissingError } from './errors';
import { declaredSize, type IsoEntry, type IsoLayout, type IsoSource } from './layout';
import { type WalkedTree, walkTree } from './walk-tree';

/**
 * Turns a layout into entries of known size: checks each entry's shape (all problems at once),
 * expands `tree` entries by walking their host directory (sorted; links and special files inside a
 * tree are reported, never followed), and stats `{ path }` sources.
 */
export function resolveLayout(layout: IsoLayout): ResolvedEntry[] {
  if (!Array.isArray(layout)) throw new InvalidLayoutError([{ path: 'entries', message: 'is not an array' }]);
  const issues = layout.flatMap((entry, i) => shapeIssues(entry, `entries[${i}]`));
  if (issues.length > 0) throw new InvalidLayoutError(issues);
  const resolved = layout.map((entry, i) => resolveEntry(entry, `entries[${i}]`));
  const hostIssues = resolved.flatMap((r) => r.issues);
  if (hostIssues.length > 0) throw new InvalidLayoutError(hostIssues);
  return resolved.flatMap((r) => r.entries);
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

function resolveEntry(entry: IsoEntry, where: string): WalkedTree {
  const pathWhere = `${where}.path`;
  if (entry.type === 'directory') {
    return { entries: [{ type: 'directory', path: entry.path, where: pathWhere }], issues: [] };
  }
  if (entry.type === 'tree') return walkTree(entry.path, entry.from, `${where}.from`);
  const size = declaredSize(entry.source) ?? fileSize(entry.path, (entry.source as { path: string }).path);
  return {
    entries: [{ type: 'file', path: entry.path, source: entry.source, size, where: pathWhere }],
    issues: [],
  };
}

function fileSize(imagePath: string, hostPath: string): number {
  try {
    const info = statSync(hostPath);
    if (!info.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'not a regular file' });
    return info.size;
  } catch (error) {
    throw new SourceMissingError(imagePath, hostPath, error);
  }
}
