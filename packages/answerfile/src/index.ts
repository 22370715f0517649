export {
  AnswerFileError,
  type AnswerFileErrorCode,
  AnswerFileParseError,
  AnswerFileSpecError,
  type SpecIssue,
} from './errors';
export { lintAnswerFile, lintRules } from './lint/lint-answer-file';
export type { LintFinding, LintOptions, LintSeverity } from './lint/lint-types';
export {
  computerNameProblem,
  reservedUserNameProblem,
  reservedUserNames,
  userNameProblem,
} from './names';
export { type Pass, passes, publicKeyToken, unattendNamespace, wcmNamespace } from './namespaces';
export { decodeAnswerFile } from './parse/decode-answer-file';
export type { AnswerFileModel, ComponentModel, SettingsModel, XmlAttribute, XmlElement } from './parse/model';
export { parseAnswerFile } from './parse/parse-answer-file';
export { type PresetOptions, presets } from './presets/presets';
export type { GeneralizeOptions } from './render/generalize';
export { type DiskPlan, type PartitionPlan, planDisk } from './render/partitions';
export { renderAnswerFile } from './render/render-answer-file';
export { renderGeneralizedAnswerFile } from './render/render-generalized-answer-file';
export {
  type AnswerFileSpec,
  answerFileSpecSchema,
  type ResolvedAnswerFileSpec,
} from './spec/answer-file-spec';
export { defaultEditionNames, type ResolvedCommand } from './spec/resolve-spec';
export { type WindowsFamily, windowsFamilies } from './spec/target-schema';
export { resolveAnswerFileSpec } from './spec/validate-spec';
export { ianaZonesOf, isWindowsTimeZone, toWindowsTimeZone } from './time-zone/time-zone';
export { cldrVersion } from './time-zone/windows-zones.generated';
