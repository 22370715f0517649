import { InvalidGuestError } from '../errors';
import { resolveGuest } from '../resolve-guest';

/** What `resolveGuest` reports for `input`, as `path: message` lines; empty when it is valid. */
export function problems(input: unknown): string[] {
  try {
    resolveGuest(input);
  } catch (error) {
    if (InvalidGuestError.isInstance(error)) return error.issues.map((i) => `${i.path}: ${i.message}`);
    throw error;
  }
  return [];
}
