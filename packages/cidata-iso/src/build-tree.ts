import { InvalidLayoutError, type LayoutIssue } from './errors';
import { caseFoldKey, compareJoliet, imagePathLimit, jolietNameProblem } from './joliet-names';
import type { IsoSource } from './layout';

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
export function buildTree(entries: readonly ResolvedEntry[]): TreeDirectory {
  const root: Building = { node: directory('', ''), where: 'root', index: new Map() };
  const issues: LayoutIssue[] = [];
  for (const entry of entries) {
    const problem = entryProblem(entry);
    if (problem) issues.push({ path: entry.where, message: problem });
    else insert(root, entry, issues);
  }
  if (issues.length > 0) throw new InvalidLayoutError(issues);
  return finish(root);
}

function entryProblem(entry: ResolvedEntry): string | undefined {
  const segments = entry.path.split('/');
  for (const segment of segments) {
    const problem = jolietNameProblem(segment);
    if (problem) return `"${entry.path}": ${problem}`;
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

function insert(root: Building, entry: ResolvedEntry, issues: LayoutIssue[]): void {
  const segments = entry.path.split('/');
  let parent = root;
  for (const [i, name] of segments.entries()) {
    const last = i === segments.length - 1;
    const path = segments.slice(0, i + 1).join('/');
    const existing = parent.index?.get(caseFoldKey(name));
    const conflict = existing && conflictOf(existing, name, path, last ? entry.type : 'directory');
    if (conflict) {
      issues.push({ path: entry.where, message: `${conflict} (already from ${existing?.where})` });
      return;
    }
    if (existing) {
      parent = existing;
      continue;
    }
    const node: TreeNode =
      last && entry.type === 'file'
        ? { kind: 'file', name, path, size: entry.size, source: entry.source }
        : directory(name, path);
    const child: Building = { node, where: entry.where, index: node.kind === 'file' ? undefined : new Map() };
    parent.index?.set(caseFoldKey(name), child);
    parent = child;
  }
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
