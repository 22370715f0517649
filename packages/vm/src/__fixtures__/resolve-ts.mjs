// Node loader hook for the connection-agent fixture: the sources import each other without the
// `.ts` extension (the bundler adds it), so a failed relative import is retried with it.
import { register } from 'node:module';

if (!import.meta.url.includes('?hook')) register(`${import.meta.url}?hook`);

/** Node's `resolve` hook. */
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (error) {
    if (!specifier.startsWith('.')) throw error;
    for (const tail of ['.ts', '/index.ts']) {
      try {
        return await next(specifier + tail, context);
      } catch {}
    }
    throw error;
  }
}
