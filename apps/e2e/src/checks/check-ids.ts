/** The checks the harness knows how to run in a guest, in the order the report lists them. */
export const checkIds = [
  'hostname',
  'user-groups',
  'sshd',
  'provisioning-log',
  'answer-file-secrets',
  'shared-folder',
  'time-zone-locale',
] as const;

/** One of `checkIds`. */
export type CheckId = (typeof checkIds)[number];
