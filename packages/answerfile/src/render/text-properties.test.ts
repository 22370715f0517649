import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { valueText } from '../__fixtures__/arbitraries';
import { type AnswerFileSpec, parseAnswerFile, renderAnswerFile, type XmlElement } from '../index';
import { walk } from '../parse/model';

function specWith(text: { command: string; description: string; displayName: string }): AnswerFileSpec {
  return {
    target: { family: 'windows10' },
    identity: {
      accounts: [
        { name: 'dev', password: text.command, displayName: text.displayName, description: text.description },
      ],
    },
    commands: {
      windowsPE: [{ command: text.command, description: text.description }],
      specialize: [{ command: text.command.slice(0, 259), description: text.description }],
      firstLogon: [{ command: text.command, description: text.description }],
    },
  };
}

/** The element structure only: names and paths, no text. */
function shape(root: XmlElement): string[] {
  return [...walk(root)].map((e) => e.path);
}

const benign = { command: 'x', description: 'x', displayName: 'x' };
const benignShape = shape(parseAnswerFile(renderAnswerFile(specWith(benign))).root);

const texts = fc.record({ command: valueText(300), description: valueText(60), displayName: valueText(60) });

describe('user text', () => {
  test('arbitrary text parses back to exactly the input, and never changes the structure', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const { root } = parseAnswerFile(renderAnswerFile(specWith(text)));
        expect(shape(root)).toEqual(benignShape);
        const at = (suffix: string) =>
          [...walk(root)].filter((e) => e.path.endsWith(suffix)).map((e) => e.text);
        expect(at('/Path')).toEqual([text.command, text.command.slice(0, 259)]);
        expect(at('SynchronousCommand/CommandLine')).toEqual([text.command]);
        expect(new Set(at('/Description'))).toEqual(new Set([text.description]));
        expect(at('LocalAccount/DisplayName')).toEqual([text.displayName]);
      }),
      { numRuns: 100 },
    );
  });

  test.each([
    ']]>',
    '<!-- x -->',
    '"\'&<>',
    '</CommandLine></SynchronousCommand><x>',
    '&amp;lt;',
    '💣 ]]]]><![CDATA[>',
  ])('the hostile string %j stays one text value', (hostile) => {
    const { root } = parseAnswerFile(renderAnswerFile(specWith({ ...benign, command: hostile })));
    expect(shape(root)).toEqual(benignShape);
    expect([...walk(root)].filter((e) => e.name === 'CommandLine').map((e) => e.text)).toEqual([hostile]);
  });
});
