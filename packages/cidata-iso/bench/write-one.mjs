// Writes one image of a host directory with the built-in writer: the whole-process entry the
// benchmark runs under GNU time next to genisoimage and xorriso. Plain JavaScript so that Node's
// TypeScript stripping does not add to the measured time and memory.
import { writeIso } from '@winguest/cidata-iso';

const [tree, out] = process.argv.slice(2);
await writeIso([{ type: 'tree', path: '', from: tree }], out, { overwrite: true });
