export {
  type BuildStandinGuestOptions,
  buildStandinGuest,
  buildStandinGuestOptionsSchema,
  type StandinGuest,
} from './build-standin-guest.ts';
export { StandinGuestError, type StandinGuestErrorCode } from './errors.ts';
export { guestModules } from './kernel-modules.ts';
