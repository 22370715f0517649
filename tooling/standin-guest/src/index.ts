export { type StandinBootIsoOptions, standinBootIso } from './boot-iso.ts';
export {
  type BuildStandinGuestOptions,
  buildStandinGuest,
  buildStandinGuestOptionsSchema,
  type StandinGuest,
} from './build-standin-guest.ts';
export { defaultStandinCacheDir } from './default-cache-dir.ts';
export { StandinGuestError, type StandinGuestErrorCode } from './errors.ts';
export {
  type StandinCmdlineOptions,
  type StandinStage,
  standinCmdlineOptionsSchema,
  standinKernelCmdline,
  standinStages,
} from './kernel-cmdline.ts';
export { guestModules } from './kernel-modules.ts';
