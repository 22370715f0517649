import { type ProgressLine, type ProgressStatus, parseProgressLine } from '@winguest/provision-scripts';

/** What one run of the first-logon script must report, step by step. */
export interface RunExpectation {
  /** Each step in order with the outcomes allowed for it (`start` is always required first). */
  steps: Array<{ step: string; outcome: readonly ProgressStatus[] }>;
  /** `ready` after the last step, or the step that must fail (the last protocol line) and its message. */
  end: { ready: true } | { failStep: string; message: string };
}

/** The protocol lines of a text (stdout, serial or log), parsed by the one parser hosts use. */
export function protocolLines(text: string): ProgressLine[] {
  return text
    .split(/\r?\n/)
    .map((line) => parseProgressLine(line))
    .filter((line): line is ProgressLine => line !== undefined);
}

function show(line: ProgressLine | undefined): string {
  if (!line) return 'nothing';
  return line.kind === 'ready' ? 'WINGUEST ready' : `WINGUEST ${line.step} ${line.status}`;
}

/**
 * Every way the output breaks the expectation (empty: it holds). The script's stdout and its log
 * must carry the same protocol lines; each expected step reports `start` and then one allowed
 * outcome; the run ends with `ready`, or with the expected `fail` and nothing after it.
 */
export function progressProblems(stdout: string, log: string, expected: RunExpectation): string[] {
  const lines = protocolLines(stdout);
  const logged = protocolLines(log);
  const problems: string[] = [];
  if (JSON.stringify(lines) !== JSON.stringify(logged)) {
    problems.push(
      `stdout has ${lines.length} protocol lines, the log ${logged.length}; they differ: ${lines.map(show).join(', ')} vs ${logged.map(show).join(', ')}`,
    );
  }
  let index = 0;
  const next = () => lines[index++];
  const failing = 'failStep' in expected.end ? expected.end.failStep : undefined;
  for (const { step, outcome } of expected.steps) {
    const start = next();
    if (start?.kind !== 'step' || start.step !== step || start.status !== 'start') {
      problems.push(`expected WINGUEST ${step} start, got ${show(start)}`);
      return problems;
    }
    const result = next();
    const allowed: readonly ProgressStatus[] = step === failing ? ['fail'] : outcome;
    if (result?.kind !== 'step' || result.step !== step || !allowed.includes(result.status)) {
      problems.push(`expected WINGUEST ${step} ${allowed.join(' or ')}, got ${show(result)}`);
      return problems;
    }
    if (result.status !== 'start' && result.seconds === undefined) problems.push(`${step}: no duration`);
    if (step === failing) {
      const message = (expected.end as { message: string }).message;
      if (!result.message?.includes(message)) {
        problems.push(
          `${step} failed with "${result.message ?? ''}", expected a message containing "${message}"`,
        );
      }
      if (index < lines.length)
        problems.push(`lines after the failure: ${lines.slice(index).map(show).join(', ')}`);
      return problems;
    }
  }
  if (failing !== undefined) problems.push(`the step ${failing} was never reached`);
  const last = next();
  if (last?.kind !== 'ready') problems.push(`expected WINGUEST ready after the last step, got ${show(last)}`);
  if (index < lines.length) problems.push(`lines after ready: ${lines.slice(index).map(show).join(', ')}`);
  return problems;
}
