import { type ProgressLine, parseProgressLine, provisionLogPath } from '@winguest/provision-scripts';
import type { CheckDefinition } from './check.ts';

/** Where the stand-in guest keeps its provisioning log (the same protocol lines, uptime-prefixed). */
export const standinProvisionLogPath = '/var/lib/winguest/provision.log';

/**
 * The protocol lines of a provisioning log, in order. A line may carry a prefix before `WINGUEST`
 * (the stand-in writes its uptime there); comments and other text are skipped.
 */
export function progressLinesOf(log: string): ProgressLine[] {
  const lines: ProgressLine[] = [];
  for (const raw of log.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const at = raw.indexOf('WINGUEST ');
    const parsed = at < 0 ? undefined : parseProgressLine(raw.slice(at));
    if (parsed) lines.push(parsed);
  }
  return lines;
}

/** The guest's provisioning log (fetched whole, it is also kept as an artifact) ends with `ready`. */
export const provisioningLogCheck: CheckDefinition = {
  id: 'provisioning-log',
  title: 'provisioning log ends with "WINGUEST ready"',
  script: {
    windows: () => `Get-Content -LiteralPath '${provisionLogPath}' -Raw -Encoding UTF8`,
    standin: () => `cat ${standinProvisionLogPath}`,
  },
  evaluate(output) {
    const lines = progressLinesOf(output);
    const last = lines.at(-1);
    const failed = lines.filter((line) => line.kind === 'step' && line.status === 'fail');
    const steps = lines.filter(
      (line) => line.kind === 'step' && (line.status === 'ok' || line.status === 'skip'),
    );
    if (last?.kind === 'ready' && failed.length === 0) {
      return { passed: true, detail: `ends with ready after ${steps.length} finished steps` };
    }
    const lastText =
      last === undefined
        ? 'no protocol line'
        : last.kind === 'ready'
          ? 'ready'
          : `${last.step} ${last.status}`;
    const failures = failed.map((line) =>
      line.kind === 'step' ? `${line.step}: ${line.message ?? 'failed'}` : '',
    );
    return {
      passed: false,
      detail: `last line: ${lastText}${failures.length ? `; failed: ${failures.join('; ')}` : ''}`,
    };
  },
};
