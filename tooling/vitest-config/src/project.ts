import { availableParallelism } from 'node:os';
import { defineProject, type ViteUserConfig } from 'vitest/config';

/**
 * Resolve workspace packages to their TypeScript source (the `@winguest/source` export condition),
 * so tests never need a build first. Node's own conditions follow so third-party packages resolve
 * as they do at run time.
 */
const sourceConditions = ['@winguest/source', 'node', 'import', 'module', 'default'];

/** The settings every package's vitest project shares; `overrides.test` is merged over them. */
export function defineWinguestProject(overrides: { test?: Record<string, unknown> } = {}): ViteUserConfig {
  return defineProject({
    resolve: { conditions: sourceConditions },
    ssr: { resolve: { conditions: sourceConditions, externalConditions: sourceConditions } },
    test: {
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      environment: 'node',
      testTimeout: 30_000,
      // Vitest's default (cores − 1) is one worker on a 2-core CI machine: every file ran after the
      // other at under one busy core. Most time goes to stand-in boots, each one TCG QEMU thread
      // plus waiting on the guest, so one worker per core keeps the cores busy without starving the
      // boots (TCG stage timeouts are minutes). All projects must agree: they share one pool.
      maxWorkers: availableParallelism(),
      ...overrides.test,
    },
  }) as ViteUserConfig;
}
