import type { AnswerFileSpec } from '@winguest/answerfile';
import type { Guest } from './guest-schema';
import { type AnswerFileFacts, planAnswerFile } from './plan-answer-file';

/**
 * OpenSSH's host keys survive sysprep: deleting them in specialize makes sshd create new ones, so
 * no two clones of a generalized image answer with the same key.
 */
export const deleteSshHostKeysCommand = 'cmd.exe /c del /f /q C:\\ProgramData\\ssh\\ssh_host_*';

/**
 * The answer-file spec handed to `sysprep /generalize /oobe` when a guest becomes an image
 * (render it with `renderGeneralizedAnswerFile`): the install's spec with a random computer name
 * (`*`; a clone's own cidata names it) and the SSH host keys deleted in specialize. Pure.
 */
export function planGeneralizedAnswerFile(guest: Guest, facts: AnswerFileFacts): AnswerFileSpec {
  const spec = planAnswerFile(guest, facts);
  const specialize = spec.commands?.specialize ?? [];
  return {
    ...spec,
    identity: { ...spec.identity, computerName: '*' },
    commands: { ...spec.commands, specialize: [...specialize, deleteSshHostKeysCommand] },
  };
}
