import type { Scenario } from '../scenario/scenario-schema.ts';
import type { CheckId } from './check-ids.ts';

/** What `winguest ssh <name> -- <command>` gave back. */
export interface GuestCommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** What a check needs besides the command's output. */
export interface CheckContext {
  scenario: Scenario;
  /** The account password the harness gave the CLI (to look for it where it must not be). */
  password: string;
}

/** A check's verdict and one line that says what was found. */
export interface CheckOutcome {
  passed: boolean;
  detail: string;
}

/**
 * One in-guest check: the command for each kind of guest it applies to (PowerShell for Windows,
 * POSIX shell for the Linux stand-in), and a pure evaluation of the command's output.
 */
export interface CheckDefinition {
  id: CheckId;
  /** What it proves, for the report. */
  title: string;
  /** The script per guest kind; a kind without one cannot declare this check. */
  script: Partial<Record<Scenario['guest'], (context: CheckContext) => string>>;
  /** Reads the output; called only when the command exited 0. */
  evaluate(output: string, context: CheckContext): CheckOutcome;
}
