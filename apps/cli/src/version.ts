import packageJson from '../package.json' with { type: 'json' };

/** The CLI's version, inlined at build time. */
export const version: string = packageJson.version;
