import { AnswerFileError, type AnswerFileParseError } from '../errors';
import type { AnswerFileModel } from '../parse/model';
import { parseAnswerFile } from '../parse/parse-answer-file';
import type { LintContext, LintFinding, LintOptions, PlacedComponent } from './lint-types';
import { answerFilesPage } from './references';
import { rules } from './rules/index';

/** Id and summary of every rule `lintAnswerFile` runs, plus `well-formed` for parse errors. */
export const lintRules: readonly { id: string; summary: string; reference: string }[] = [
  {
    id: 'well-formed',
    summary: 'The file is well-formed, namespace-correct XML.',
    reference: answerFilesPage,
  },
  ...rules.map(({ id, summary, reference }) => ({ id, summary, reference })),
];

const severityRank = { error: 0, warning: 1, info: 2 } as const;

function placedComponents(model: AnswerFileModel): PlacedComponent[] {
  return model.settings.flatMap((s) => s.components.map((c) => ({ ...c, pass: s.pass })));
}

/**
 * Checks an answer file (text or an already parsed model) against what Windows Setup accepts and
 * returns every finding, sorted by position. Text that is not well-formed XML gives a single
 * `well-formed` error with the parser's position. Pass `arch` and `firmware` to also check the file
 * against the media and the machine.
 */
export function lintAnswerFile(input: string | AnswerFileModel, options: LintOptions = {}): LintFinding[] {
  let model: AnswerFileModel;
  try {
    model = typeof input === 'string' ? parseAnswerFile(input) : input;
  } catch (error) {
    if (!AnswerFileError.isInstance(error) || error.code !== 'invalid-xml') throw error;
    const { line, column, reason } = error as AnswerFileParseError;
    return [
      {
        ruleId: 'well-formed',
        severity: 'error',
        message: `Not well-formed XML: ${reason}.`,
        path: '',
        line,
        column,
        reference: answerFilesPage,
      },
    ];
  }
  const findings: LintFinding[] = [];
  const components = placedComponents(model);
  for (const rule of rules) {
    const context: LintContext = {
      model,
      options,
      components,
      report: (element, severity, message, reference = rule.reference) =>
        findings.push({
          ruleId: rule.id,
          severity,
          message,
          path: element.path,
          line: element.line,
          column: element.column,
          reference,
        }),
    };
    rule.check(context);
  }
  return findings.sort(
    (a, b) => a.line - b.line || a.column - b.column || severityRank[a.severity] - severityRank[b.severity],
  );
}
