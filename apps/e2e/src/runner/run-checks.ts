import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CheckContext } from '../checks/check.ts';
import { checkCommand, checks, evaluateCheck } from '../checks/checks.ts';
import type { ScenarioResult } from '../report/results-schema.ts';
import type { WinguestCli } from './winguest-cli.ts';

/** Name of the provisioning log in a scenario's artifact folder. */
export const provisionLogArtifact = 'provision.log';

/**
 * Fetches the guest's provisioning log (kept as an artifact) and runs the scenario's checks in
 * order, each as `winguest ssh <name> -- <command>`. The provisioning-log check reads the log
 * fetched here instead of fetching it twice.
 */
export async function runChecks(
  cli: WinguestCli,
  instance: string,
  context: CheckContext,
  artifactDir: string,
): Promise<{ checks: ScenarioResult['checks']; provisionLog: string | undefined }> {
  const ssh = (command: string) => cli.run(['ssh', instance, '--', command], { timeoutMs: 120_000 });
  const logCommand = checkCommand('provisioning-log', context);
  const log = logCommand === undefined ? undefined : await ssh(logCommand);
  let provisionLog: string | undefined;
  if (log && log.exitCode === 0) {
    await writeFile(join(artifactDir, provisionLogArtifact), log.stdout);
    provisionLog = provisionLogArtifact;
  }
  const results: ScenarioResult['checks'] = [];
  for (const id of context.scenario.checks) {
    const command = checkCommand(id, context) as string;
    const run = id === 'provisioning-log' && log ? log : await ssh(command);
    const outcome = evaluateCheck(id, run, context);
    results.push({
      id,
      title: checks[id].title,
      verdict: outcome.passed ? 'passed' : 'failed',
      detail: outcome.detail,
      durationMs: run.durationMs,
    });
  }
  return { checks: results, provisionLog };
}
