import { statSync } from 'node:fs';
import type { ResolvedEntry } from './build-tree';
import { InvalidLayoutError, type LayoutIssue, SourceMissingError } from './errors';
import { declaredSize, type IsoEntry, type IsoLayout, type IsoPathSource, type IsoSource } from './layout';
import type { TimeSlice } from './time-slice';
import { type WalkedTree, walkTree } from './walk-tree';

/**
 * Turns a layout into entries of known size: checks each entry's shape (all problems at once),
 * expands `tree` entries by walking their host directory (sorted; links and special files inside a
 * tree are reported, never followed), and stats `{ path }` sources. Every entry is read before the
 * first pause of a walk, so a layout changed meanwhile cannot slip past the checks.
 */
export async function resolveLayout(layout: IsoLayout, slice: TimeSlice): Promise<ResolvedEntry[]> {
  if (!Array.isArray(layout)) throw new InvalidLayoutError([{ path: 'entries', message: 'is not an array' }]);
  const issues = layout.flatMap((entry, i) => shapeIssues(entry, `entries[${i}]`));
  if (issues.length > 0) throw new InvalidLayoutError(issues);
  const steps = layout.map((entry, i) => resolveEntry(entry, `entries[${i}]`));
  const resolved: WalkedTree[] = [];
  for (const step of steps) {
    if (slice.due()) await slice.pause();
    const walked = step(slice);
    resolved.push(walked instanceof Promise ? await walked : walked);
  }
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

/**
 * Reads an entry's fields now; the step it returns does the file-system work (stat, or the walk of
 * a tree) when called, in layout order, so the first missing source reported is the first listed.
 */
function resolveEntry(
  entry: IsoEntry,
  where: string,
): (slice: TimeSlice) => WalkedTree | Promise<WalkedTree> {
  const pathWhere = `${where}.path`;
  const { path } = entry;
  if (entry.type === 'directory') {
    const walked: WalkedTree = { entries: [{ type: 'directory', path, where: pathWhere }], issues: [] };
    return () => walked;
  }
  if (entry.type === 'tree') {
    const { from } = entry;
    return (slice) => walkTree(path, from, `${where}.from`, slice);
  }
  const { source } = entry;
  const declared = declaredSize(source);
  const hostPath = declared === undefined ? (source as IsoPathSource).path : '';
  return () => {
    const size = declared ?? fileSize(path, hostPath);
    return { entries: [{ type: 'file', path, source, size, where: pathWhere }], issues: [] };
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
