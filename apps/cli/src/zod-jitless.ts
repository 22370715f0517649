import { config } from 'zod';

/**
 * zod compiles a fast path per schema with `new Function` on its first parse: worth it in a
 * server, pure start-up cost for a command that parses each schema once or twice. A named import
 * (not `import('zod')`'s whole namespace) keeps zod's unused exports, its locales among them, out
 * of the bundle.
 */
export function useJitlessZod(): void {
  config({ jitless: true });
}
