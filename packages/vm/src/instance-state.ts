import { readFileSync } from 'node:fs';
import { writeFileAtomic } from './_files';

/** The life cycle of an instance. */
export const instanceStates = ['created', 'installing', 'ready', 'stopped'] as const;

/** `created` (files made) → `installing` (Setup running) → `ready` (SSH works) → `stopped`. */
export type InstanceState = (typeof instanceStates)[number];

/** What the state file holds. */
export interface InstanceStateRecord {
  state: InstanceState;
  /** Every transition, oldest first (ISO 8601 times). */
  history: { state: InstanceState; at: string }[];
  /** Set once the install finished: Setup can never start again. */
  installedAt?: string;
  /** The media ejected after `ready`, and when. */
  ejected?: { at: string; media: string[] };
  /** When the cidata ISO (it holds recoverable passwords) was deleted. */
  cidataDeletedAt?: string;
  /** The current (or last) boot: QEMU's pid, when it started, the accelerator, install or not. */
  boot?: {
    pid: number;
    startedAt: string;
    accelerator: 'kvm' | 'hvf' | 'whpx' | 'tcg';
    mode: 'install' | 'installed';
  };
}

/** Reads the state file; undefined when it does not exist. */
export function readState(path: string): InstanceStateRecord | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as InstanceStateRecord;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Moves the instance to `state` (a no-op when already there) and returns the new record. */
export function transition(
  path: string,
  state: InstanceState,
  extra: Partial<Omit<InstanceStateRecord, 'state' | 'history'>> = {},
  at = new Date(),
): InstanceStateRecord {
  const current = readState(path);
  const history = current?.history ?? [];
  const record: InstanceStateRecord = {
    ...current,
    ...extra,
    state,
    history: current?.state === state ? history : [...history, { state, at: at.toISOString() }],
  };
  writeFileAtomic(path, `${JSON.stringify(record, null, 2)}\n`);
  return record;
}
