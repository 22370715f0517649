import { createRequire } from 'node:module';

// ssh2 is CommonJS and Node cannot see its named exports from ESM, so it is loaded with require.
const ssh2 = createRequire(import.meta.url)('ssh2') as typeof import('ssh2');

/** ssh2's client class. */
export const Client = ssh2.Client;
/** ssh2's key utilities. */
export const utils = ssh2.utils;
