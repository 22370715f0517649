// Fails when a changeset cannot be parsed or names a package that is not a published workspace
// package — the release workflow would otherwise break long after the change was merged.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import parseChangeset from '@changesets/parse';

const root = join(import.meta.dirname, '..');
const published = new Set();
for (const group of ['packages', 'apps']) {
  let names = [];
  try {
    names = readdirSync(join(root, group));
  } catch {
    continue;
  }
  for (const name of names) {
    try {
      const pkg = JSON.parse(readFileSync(join(root, group, name, 'package.json'), 'utf8'));
      if (!pkg.private) published.add(pkg.name);
    } catch {
      // not a package
    }
  }
}

const dir = join(root, '.changeset');
const problems = [];
let count = 0;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md')) {
  count++;
  try {
    const { releases } = parseChangeset(readFileSync(join(dir, file), 'utf8'));
    if (releases.length === 0) problems.push(`${file}: names no package`);
    for (const { name } of releases) {
      if (!published.has(name)) problems.push(`${file}: "${name}" is not a published workspace package`);
    }
  } catch (error) {
    problems.push(`${file}: ${error.message.split('\n')[0]}`);
  }
}
if (problems.length > 0) {
  console.error(`changesets: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`changesets: ${count} valid`);
