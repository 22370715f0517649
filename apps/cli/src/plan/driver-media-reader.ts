/**
 * Opens `media.drivers` (a virtio-win ISO or folder), loaded with `import()` only when the config
 * names driver media, so a build without them never loads the ISO and WIM readers. A named
 * re-export on purpose: `import('@winguest/guest')` would keep every export of the package live
 * and put all of its modules (and theirs) in the bundle chunks every command loads.
 */
export { readDriverMedia } from '@winguest/guest';
