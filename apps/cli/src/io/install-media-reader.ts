/**
 * The Windows install media reader (UDF / ISO 9660, then the WIM metadata), loaded with `import()`
 * only when an ISO is read. A named re-export on purpose: `import('@winguest/install-media')` would
 * keep every export of the package live, and the bundle would then load all of its modules in each
 * command that reaches the package statically (`build` does, through @winguest/guest).
 */
export { inspectInstallMedia } from '@winguest/install-media';
