import { InvalidLayoutError, type LayoutIssue } from './errors';
import { caseFoldKey, compareJoliet, imagePathLimit, jolietNameProblem } from './joliet-names';
import type { IsoSource } from './layout';
import type { TimeSlice } from './time-slice';

/** Largest file one ISO 9660 extent can describe. */
export const maxFileSize = 0xffff_ffff;

/** A layout entry whose size is known (trees expanded, path sources stat'ed). */
export type ResolvedEntry =
  | { type: 'file'; path: string; source: IsoSource; size: number; where: string }
  | { type: 'directory'; path: string; where: string };

/** A file in the planned tree. */
export interface TreeFile {
  kind: 'file';
  name: string;
  path: string;
  size: number;
  source: IsoSource;
}

/** A directory in the planned tree; `children` are in Joliet order. */
export interface TreeDirectory {
  kind: 'directory';
  name: string;
  path: string;
  children: TreeNode[];
}

export type TreeNode = TreeFile | TreeDirectory;

interface Building {
  node: TreeNode;
  where: string;
  /** Children by case-folded name; files, never parents, have none. */
  index?: Map<string, Building>;
}

/**
 * Builds the directory tree of an image, checking every entry and reporting all problems at once:
 * names Joliet or Windows cannot carry, over-long names and paths, duplicates, names that differ only
 * in case, a file where a directory is needed, and files over 4 GiB − 1.
 */
export async function buildTree(entries: readonly ResolvedEntry[], slice: TimeSlice): Promise<TreeDirectory> {
  const root: Building = { node: directory('', ''), where: 'root', index: new Map() };
  const issues: LayoutIssue[] = [];
  // Entries of a walked tree come directory by directory: the parent found (and checked) for one
  // entry serves the next with the same parent path, so a path is not re-split and re-walked per file.
  let last: { path: string; building: Building } | undefined;
  for (const entry of entries) {
    if (slice.due()) await slice.pause();
    const slash = entry.path.lastIndexOf('/');
    const known = last !== undefined && slash === last.path.length && entry.path.startsWith(last.path);
    const problem = entryProblem(entry, known ? slash + 1 : 0);
    if (problem) issues.push({ path: entry.where, message: problem });
    else {
      const parent = known ? last?.building : walkParents(root, entry, slash, issues);
      const added = parent && addChild(parent, entry.path.slice(slash + 1), entry.path, entry, true, issues);
      last =
        parent && added && slash !== -1 ? { path: entry.path.slice(0, slash), building: parent } : undefined;
    }
  }
  if (issues.length > 0) throw new InvalidLayoutError(issues);
  return finish(root);
}

/** Why `entry` cannot go on the image; segments before `from` are already known to be fine. */
function entryProblem(entry: ResolvedEntry, from: number): string | undefined {
  for (let start = from; ; ) {
    const end = entry.path.indexOf('/', start);
    const problem = jolietNameProblem(entry.path.slice(start, end === -1 ? undefined : end));
    if (problem) return `"${entry.path}": ${problem}`;
    if (end === -1) break;
    start = end + 1;
  }
  if (entry.path.length > imagePathLimit) {
    return `"${entry.path}" is ${entry.path.length} characters; paths in the image are limited to ${imagePathLimit}, use shorter names or fewer levels`;
  }
  if (entry.type === 'file' && !(Number.isSafeInteger(entry.size) && entry.size >= 0)) {
    return `"${entry.path}" declares size ${entry.size}; a size is a whole number of bytes`;
  }
  if (entry.type === 'file' && entry.size > maxFileSize) {
    return `"${entry.path}" is ${entry.size} bytes; ISO 9660 files are limited to ${maxFileSize} bytes (4 GiB − 1), split it or ship it another way`;
  }
  return undefined;
}

/** The directory `entry` goes into (the segments before `slash`), created as needed. */
function walkParents(root: Building, entry: ResolvedEntry, slash: number, issues: LayoutIssue[]) {
  let parent: Building | undefined = root;
  for (let start = 0; parent && start <= slash; ) {
    const end = entry.path.indexOf('/', start);
    parent = addChild(parent, entry.path.slice(start, end), entry.path.slice(0, end), entry, false, issues);
    start = end + 1;
  }
  return parent;
}

/**
 * Finds or creates `name` in `parent`: the entry itself when `isEntry`, else a directory on its way.
 * Returns undefined, with the issue recorded, when it conflicts with what is already there.
 */
function addChild(
  parent: Building,
  name: string,
  path: string,
  entry: ResolvedEntry,
  isEntry: boolean,
  issues: LayoutIssue[],
): Building | undefined {
  const key = caseFoldKey(name);
  const existing = parent.index?.get(key);
  if (existing) {
    const conflict = conflictOf(existing, name, path, isEntry ? entry.type : 'directory');
    if (!conflict) return existing;
    issues.push({ path: entry.where, message: `${conflict} (already from ${existing.where})` });
    return undefined;
  }
  const node: TreeNode =
    isEntry && entry.type === 'file'
      ? { kind: 'file', name, path, size: entry.size, source: entry.source }
      : directory(name, path);
  const child: Building = { node, where: entry.where, index: node.kind === 'file' ? undefined : new Map() };
  parent.index?.set(key, child);
  return child;
}

function conflictOf(existing: Building, name: string, path: string, wanted: 'file' | 'directory') {
  const have = existing.node;
  if (have.name !== name) {
    return `"${path}" and "${have.path}" differ only in case, which Windows cannot tell apart`;
  }
  if (have.kind === 'file' && wanted === 'file') return `"${path}" is listed twice`;
  if (have.kind !== wanted) return `"${path}" is needed as a ${wanted} but is also a ${have.kind}`;
  return undefined;
}

function directory(name: string, path: string): TreeDirectory {
  return { kind: 'directory', name, path, children: [] };
}

function finish(building: Building): TreeDirectory {
  const node = building.node as TreeDirectory;
  const children = [...(building.index?.values() ?? [])].map((child) =>
    child.node.kind === 'directory' ? finish(child) : child.node,
  );
  node.children = children.sort((a, b) => compareJoliet(a.name, b.name));
  return node;
}
