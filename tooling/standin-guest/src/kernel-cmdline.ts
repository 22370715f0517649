import { z } from 'zod';
import { StandinGuestError } from './errors.ts';

/**
 * The stages and provisioning steps the guest reports, in order, as `WINGUEST <name> start|ok|fail`.
 * Boot 1 plays Windows Setup (`setup`, `applying-image`) and reboots; boot 2 plays the rest and
 * ends with `WINGUEST ready`. Later boots print only `WINGUEST ready` (or `WINGUEST eject fail …`).
 */
export const standinStages = [
  'setup',
  'applying-image',
  'specialize',
  'oobe',
  'first-logon',
  'network',
  'authorized-keys',
  'openssh',
] as const;

/** A stage or provisioning step of the stand-in guest. */
export type StandinStage = (typeof standinStages)[number];

const word = z
  .string()
  .min(1)
  .regex(/^[^\s"'\\]+$/, 'must be one word without spaces, quotes or backslashes');

/** Options of `standinKernelCmdline`: the guest's `winguest.*` kernel parameters. */
export const standinCmdlineOptionsSchema = z.object({
  /** Guest architecture; picks the first serial port as console (`ttyS0` amd64, `ttyAMA0` arm64). */
  arch: z.enum(['amd64', 'arm64']).default('amd64'),
  /** Name of the answer file at the root of the cidata media (`winguest.answer`). */
  answerFile: word.default('autounattend.xml'),
  /** Path of the provisioning script on the media (`winguest.script`). */
  script: word.default('winguest/provision.ps1'),
  /** Path of the authorized_keys file on the media (`winguest.keys`). */
  authorizedKeys: word.default('winguest/authorized_keys'),
  /** The VM disk's device, e.g. `/dev/vda` (`winguest.disk`); default: the first fixed disk. */
  disk: word.optional(),
  /** Make this stage print `fail` and stop, to test a runner's failure path (`winguest.fail`). */
  failAt: z.enum(standinStages).optional(),
  /** Seconds each stage waits after `start`, to stretch the install, e.g. for Ctrl-C tests (`winguest.delay`). */
  stageDelay: z.number().nonnegative().max(3600).default(0),
  /**
   * virtio-fs tags to mount at `/mnt/<tag>` once the network is up (`winguest.shares=a,b`), as the
   * Windows provisioning mounts each share at its drive letter.
   */
  shares: z.array(word.regex(/^[^,]+$/, 'must not contain a comma')).default([]),
  /** Keep kernel messages and shell errors on the serial port (`winguest.debug=1`). */
  debug: z.boolean().default(false),
});

/** Input of `standinKernelCmdline`. */
export type StandinCmdlineOptions = z.input<typeof standinCmdlineOptionsSchema>;

/**
 * The kernel command line for booting the guest: `console=<first serial port> quiet` plus the `winguest.*`
 * parameters that differ from the guest's defaults. Invalid options are reported all at once.
 */
export function standinKernelCmdline(options: StandinCmdlineOptions = {}): string {
  const parsed = standinCmdlineOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${JSON.stringify(valueAt(options, issue.path))} ${issue.message}`,
    );
    throw new StandinGuestError('invalid-option', `Invalid stand-in guest options: ${problems.join('; ')}.`);
  }
  const o = parsed.data;
  const defaults = standinCmdlineOptionsSchema.parse({});
  const console = o.arch === 'arm64' ? 'ttyAMA0' : 'ttyS0';
  const words = [`console=${console}`, ...(o.debug ? [] : ['quiet'])];
  const add = (name: string, value: string | number | undefined, fallback?: string | number) => {
    if (value !== undefined && value !== fallback) words.push(`winguest.${name}=${value}`);
  };
  add('answer', o.answerFile, defaults.answerFile);
  add('script', o.script, defaults.script);
  add('keys', o.authorizedKeys, defaults.authorizedKeys);
  add('disk', o.disk);
  add('fail', o.failAt);
  add('delay', o.stageDelay, 0);
  if (o.shares.length > 0) words.push(`winguest.shares=${o.shares.join(',')}`);
  if (o.debug) words.push('winguest.debug=1');
  return words.join(' ');
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (value, key) => (value as Record<PropertyKey, unknown> | undefined)?.[key],
    input,
  );
}
