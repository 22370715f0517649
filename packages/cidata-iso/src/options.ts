import { InvalidOptionError } from './errors';
import { jolietNameProblem } from './joliet-names';

/** Options shared by every way of producing an image. */
export interface IsoOptions {
  /**
   * Volume label, 1–16 characters (Joliet keeps it as given; the ISO 9660 volume gets it upper-cased
   * with characters other than A–Z, 0–9 and _ replaced by _). Default `CIDATA`.
   */
  volumeLabel?: string;
  /**
   * Date recorded for the volume and every entry. Default: `SOURCE_DATE_EPOCH` (seconds) when set,
   * else 1980-01-01T00:00:00Z, so equal input always gives a byte-identical image.
   */
  timestamp?: Date;
}

/** The options after defaults and checks. */
export interface ResolvedIsoOptions {
  volumeLabel: string;
  date: Date;
}

/** The date used when neither `timestamp` nor `SOURCE_DATE_EPOCH` is given. */
export const defaultTimestamp: Date = new Date(Date.UTC(1980, 0, 1));

/** Applies defaults and checks options; throws `InvalidOptionError` naming the option and value. */
export function resolveIsoOptions(
  options: IsoOptions,
  env: NodeJS.ProcessEnv = process.env,
): ResolvedIsoOptions {
  const volumeLabel = options.volumeLabel ?? 'CIDATA';
  const labelProblem = jolietNameProblem(volumeLabel);
  if (labelProblem || volumeLabel.length > 16) {
    throw new InvalidOptionError('volumeLabel', volumeLabel, 'must be 1–16 characters a file name could use');
  }
  return { volumeLabel, date: checkDate(resolveDate(options.timestamp, env)) };
}

function resolveDate(timestamp: Date | undefined, env: NodeJS.ProcessEnv): Date {
  if (timestamp !== undefined) {
    if (!(timestamp instanceof Date) || Number.isNaN(timestamp.getTime())) {
      throw new InvalidOptionError('timestamp', timestamp, 'is not a valid Date');
    }
    return timestamp;
  }
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return defaultTimestamp;
  if (!/^\d+$/.test(epoch)) {
    throw new InvalidOptionError('SOURCE_DATE_EPOCH', epoch, 'must be whole seconds since 1970-01-01 UTC');
  }
  return new Date(Number(epoch) * 1000);
}

function checkDate(date: Date): Date {
  const year = date.getUTCFullYear();
  if (year < 1970 || year > 2155) {
    throw new InvalidOptionError('timestamp', date.toISOString(), 'must fall in 1970–2155 (ISO 9660 dates)');
  }
  return date;
}
