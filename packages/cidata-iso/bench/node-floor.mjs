// The least a Node program does for the writer's job, as a floor for its per-file figures: walk the
// tree (readdir + lstat), read every file once into one shared 1 MiB buffer and write the bytes to
// the output, synchronously, with no ISO planning, checks or headers. Not an ISO; only timed.
import { closeSync, lstatSync, openSync, readdirSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const [tree, out] = process.argv.slice(2);
const buffer = Buffer.allocUnsafe(1 << 20);
const output = openSync(out, 'w');
let used = 0;

function walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const info = lstatSync(path);
    if (info.isDirectory()) walk(path);
    else if (info.isFile()) copy(path, info.size);
  }
}

function copy(path, size) {
  const fd = openSync(path, 'r');
  for (let done = 0; done < size; ) {
    const got = readSync(fd, buffer, used, Math.min(size - done, buffer.length - used), done);
    if (got === 0) break;
    done += got;
    used += got;
    if (used === buffer.length) {
      writeSync(output, buffer, 0, used);
      used = 0;
    }
  }
  closeSync(fd);
}

walk(tree);
writeSync(output, buffer, 0, used);
closeSync(output);
