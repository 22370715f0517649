import type { AnswerFileModel, ComponentModel, XmlElement } from '../parse/model';

/**
 * How bad a finding is: `error` where Setup stops or the install stops being unattended, `warning`
 * where Setup ignores a setting or the reference deprecates it, `info` for what winguest cannot check.
 */
export type LintSeverity = 'error' | 'warning' | 'info';

/** One problem found in an answer file. */
export interface LintFinding {
  /** Which rule found it, e.g. `setting-pass`. */
  ruleId: string;
  severity: LintSeverity;
  /** What is wrong, the value, and what to do. */
  message: string;
  /** XPath-like location of the element (see `XmlElement.path`). */
  path: string;
  /** 1-based line of the element's start tag. */
  line: number;
  /** 1-based column of the element's start tag. */
  column: number;
  /** The page of Microsoft's unattend reference the finding rests on. */
  reference: string;
}

/** What the file is meant for; rules that need it are skipped or infer it when absent. */
export interface LintOptions {
  /** Architecture of the install media: Setup applies only components for it (and wow64 on amd64). */
  arch?: 'amd64' | 'arm64' | 'x86';
  /** Firmware of the machine: `uefi` means GPT disks, `bios` MBR. */
  firmware?: 'uefi' | 'bios';
}

/** A component together with the pass it is in. */
export interface PlacedComponent extends ComponentModel {
  pass: string | undefined;
}

/** What a rule sees. */
export interface LintContext {
  model: AnswerFileModel;
  options: LintOptions;
  /** Every component of every pass, in document order. */
  components: PlacedComponent[];
  /** Records a finding of the running rule at `element` (citing the rule's page unless given another). */
  report(element: XmlElement, severity: LintSeverity, message: string, reference?: string): void;
}

/** A lint rule: an id, a one-line summary, and the check. */
export interface LintRule {
  id: string;
  summary: string;
  /** The reference page its findings cite by default. */
  reference: string;
  check(context: LintContext): void;
}
