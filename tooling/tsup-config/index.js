// @ts-check
import { defineConfig } from 'tsup';

/**
 * The build every published package shares: ESM, declarations, Node 22 syntax, no bundled deps.
 * @param {import('tsup').Options} [overrides] merged over the defaults (e.g. more `entry` points)
 */
export function defineLibraryConfig(overrides = {}) {
  return defineConfig({
    entry: ['src/index.ts'],
    format: ['esm'],
    target: 'node22',
    platform: 'neutral',
    // tsup sets `baseUrl` for the declaration build, which TypeScript 6 deprecates.
    dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
    clean: true,
    sourcemap: true,
    treeshake: true,
    ...overrides,
  });
}
