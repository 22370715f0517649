import { createRequire } from 'node:module';

let loaded: typeof import('ssh2') | undefined;

/**
 * ssh2, loaded on first use: it is CommonJS (Node cannot see its named exports from ESM, so it is
 * required) and costs tens of milliseconds to load, which commands that never open a connection —
 * `winguest build`, which reaches this package through the guest description — should not pay.
 */
export function ssh2(): typeof import('ssh2') {
  loaded ??= createRequire(import.meta.url)('ssh2') as typeof import('ssh2');
  return loaded;
}
