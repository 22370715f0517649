import type { Scenario } from '../scenario/scenario-schema.ts';
import { answerFileSecretsCheck } from './answer-file-secrets-check.ts';
import type { CheckContext, CheckDefinition, CheckOutcome, GuestCommandResult } from './check.ts';
import type { CheckId } from './check-ids.ts';
import { hostnameCheck } from './hostname-check.ts';
import { powershellCommand } from './powershell-command.ts';
import { provisioningLogCheck } from './provisioning-log-check.ts';
import { sharedFolderCheck } from './shared-folder-check.ts';
import { sshdCheck } from './sshd-check.ts';
import { timeZoneLocaleCheck } from './time-zone-locale-check.ts';
import { userGroupsCheck } from './user-groups-check.ts';

/** Every check, by id. */
export const checks: Record<CheckId, CheckDefinition> = {
  hostname: hostnameCheck,
  'user-groups': userGroupsCheck,
  sshd: sshdCheck,
  'provisioning-log': provisioningLogCheck,
  'answer-file-secrets': answerFileSecretsCheck,
  'shared-folder': sharedFolderCheck,
  'time-zone-locale': timeZoneLocaleCheck,
};

/** The command line `winguest ssh <name> --` runs for a check, or undefined when the guest has none. */
export function checkCommand(id: CheckId, context: CheckContext): string | undefined {
  const script = checks[id].script[context.scenario.guest]?.(context);
  if (script === undefined) return undefined;
  return context.scenario.guest === 'windows' ? powershellCommand(script) : script;
}

/** The verdict on a check's command result: a failed command fails the check with its stderr. */
export function evaluateCheck(id: CheckId, result: GuestCommandResult, context: CheckContext): CheckOutcome {
  if (result.exitCode !== 0) {
    const why = lastLines(result.stderr || result.stdout, 3) || 'no output';
    return { passed: false, detail: `the command exited ${result.exitCode}: ${why}` };
  }
  return checks[id].evaluate(result.stdout, context);
}

/** The checks a scenario declares that its kind of guest has no command for. */
export function unsupportedChecks(scenario: Pick<Scenario, 'guest' | 'checks'>): CheckId[] {
  return scenario.checks.filter((id) => checks[id].script[scenario.guest] === undefined);
}

function lastLines(text: string, count: number): string {
  return text.trim().split(/\r?\n/).slice(-count).join(' | ');
}
