import { LineCounter, parseDocument } from 'yaml';
import { CliError } from '../errors';
import { duplicateKeys } from './duplicate-keys';

/**
 * Parses a config file's text (YAML, or JSON as its subset) read from `path`. Syntax errors and
 * duplicate keys are reported together, each with the file, line and column.
 */
export function parseConfigText(text: string, path: string): unknown {
  const lineCounter = new LineCounter();
  // Duplicate keys are found by our linear check, not the library's quadratic one.
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: false, lineCounter });
  const problems = [
    ...document.errors.map((e) => {
      const at = e.linePos?.[0];
      return `${at ? `${at.line}:${at.col}` : '?'}: ${e.message.split('\n')[0]}`;
    }),
    ...(document.errors.length === 0 ? duplicateKeys(document, lineCounter) : []),
  ];
  if (problems.length > 0) {
    throw new CliError('config-syntax', `${path} is not valid YAML/JSON`, {
      details: problems.map((problem) => `${path}:${problem}`),
      hint: 'fix the syntax at the line shown',
    });
  }
  return document.toJS() ?? {};
}
