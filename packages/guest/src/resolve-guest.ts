import { answerFileSpecSchema } from '@winguest/answerfile';
import { provisionSpecSchema } from '@winguest/provision-scripts';
import { toGuestIssues } from './_issues';
import { checkDevices } from './check-devices';
import { InvalidGuestError } from './errors';
import { type Guest, guestSchema } from './guest-schema';
import { planAnswerFile } from './plan-answer-file';
import { planProvision } from './plan-provision';

/**
 * Validates a guest description and applies every default. Every problem is reported at once,
 * each with its path and value: the description's own fields, and what its `answer`/`provision`
 * overrides would make of the answer file and the provisioning (checked by those packages'
 * schemas) — so no problem waits for another to be fixed.
 * @throws InvalidGuestError listing every problem.
 */
export function resolveGuest(input: unknown): Guest {
  const parsed = guestSchema.safeParse(input);
  const issues = parsed.success ? [] : toGuestIssues(parsed.error.issues, input);
  if (parsed.success) issues.push(...checkDevices(parsed.data));
  const planned = parsed.success ? parsed.data : overridesOnly(input);
  if (planned) {
    // Placeholders stand in for facts only known later (the password is checked when it is given).
    const answer = planAnswerFile(planned, { password: '' });
    const answerCheck = answerFileSpecSchema.safeParse(answer);
    if (!answerCheck.success) issues.push(...toGuestIssues(answerCheck.error.issues, answer, 'answer'));
    const placeholder = '0'.repeat(64);
    const msi = planned.media.opensshMsi ? { opensshMsiSha256: placeholder } : {};
    const agent = planned.media.drivers ? { guestAgentMsiSha256: placeholder } : {};
    const provision = planProvision(planned, { sshKeys: [], ...msi, ...agent });
    const provisionCheck = provisionSpecSchema.safeParse(provision);
    if (!provisionCheck.success)
      issues.push(...toGuestIssues(provisionCheck.error.issues, provision, 'provision'));
  }
  if (issues.length > 0 || !parsed.success) throw new InvalidGuestError(issues);
  return parsed.data;
}

/** The default description with only the input's overrides, to check those when other fields fail. */
function overridesOnly(input: unknown): Guest | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const { answer, provision } = input as Record<string, unknown>;
  const result = guestSchema.safeParse({ answer, provision });
  return result.success ? result.data : undefined;
}
