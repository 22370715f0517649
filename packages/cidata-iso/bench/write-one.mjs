// Writes one image of a host directory with the built-in writer; run under GNU time by run.ts.
// Plain JavaScript so that Node's TypeScript stripping does not add to the measured memory.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeIso } from '@winguest/cidata-iso';

const [tree, out] = process.argv.slice(2);
const entries = [];
for (const name of (await readdir(tree)).sort()) {
  const from = join(tree, name);
  const isDirectory = (await stat(from)).isDirectory();
  entries.push(
    isDirectory ? { type: 'tree', path: name, from } : { type: 'file', path: name, source: { path: from } },
  );
}
await writeIso(entries, out, { overwrite: true });
