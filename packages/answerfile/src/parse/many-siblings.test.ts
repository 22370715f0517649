import { describe, expect, test } from 'vitest';
import { document, shell } from '../__fixtures__/documents';
import { lintAnswerFile, parseAnswerFile } from '../index';

// 100 000 same-named siblings: a quadratic step in parsing or linting makes this run for minutes
// (20 000 took 7 s before paths were numbered in one pass), so vitest's default timeout fails it.
const count = 100_000;
const commands = Array.from(
  { length: count },
  (_, i) =>
    `<SynchronousCommand wcm:action="add"><Order>${(i % 500) + 1}</Order><CommandLine>cmd /c echo ${i}</CommandLine></SynchronousCommand>`,
).join('\n');
const xml = shell('oobeSystem', `<FirstLogonCommands>${commands}</FirstLogonCommands>`);

describe('100 000 same-named siblings', () => {
  test('parse numbers every sibling in document order', () => {
    const [list] = parseAnswerFile(xml).settings[0]?.components[0]?.element.children ?? [];
    expect(list?.children).toHaveLength(count);
    expect(list?.children[count - 1]?.path).toMatch(/\/FirstLogonCommands\/SynchronousCommand\[100000\]$/);
  });

  test('lint reports each repeated Order once, at its element', () => {
    const findings = lintAnswerFile(xml).filter((f) => f.ruleId === 'command-order');
    expect(findings).toHaveLength(count - 500);
    expect(findings[0]?.path).toMatch(/SynchronousCommand\[501\]\/Order$/);
  });

  test('an empty document still parses', () => {
    expect(parseAnswerFile(document({})).settings).toEqual([]);
  });
});
