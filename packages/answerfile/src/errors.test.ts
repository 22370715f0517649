import { describe, expect, test } from 'vitest';
import { AnswerFileError, AnswerFileParseError, AnswerFileSpecError } from './index';

describe('errors', () => {
  test('are recognised by marker, across copies of the package', () => {
    const errors = [
      new AnswerFileSpecError([{ path: 'a', message: 'b', value: 1 }]),
      new AnswerFileParseError('bad', 2, 3),
    ];
    for (const error of errors) expect(AnswerFileError.isInstance(error)).toBe(true);
    const lookalike = Object.assign(new Error('x'), { [Symbol.for('winguest.answerfile.error')]: true });
    expect(AnswerFileError.isInstance(lookalike)).toBe(true);
    expect(AnswerFileError.isInstance(new Error('x'))).toBe(false);
    expect(AnswerFileError.isInstance(null)).toBe(false);
  });

  test('carry a code and a message that lists every issue', () => {
    const error = new AnswerFileSpecError([
      {
        path: 'identity.accounts[1].name',
        message: '"Guest" is reserved by Windows; choose another name',
        value: 'Guest',
      },
      { path: '', message: 'Unrecognized key: "x"', value: undefined },
    ]);
    expect(error.code).toBe('invalid-spec');
    expect(error.message).toBe(
      'The answer file spec has 2 problems:\n  identity.accounts[1].name: "Guest" is reserved by Windows; choose another name\n  (spec): Unrecognized key: "x"',
    );
    expect(new AnswerFileParseError('unclosed tag: a', 4, 7)).toMatchObject({
      code: 'invalid-xml',
      line: 4,
      column: 7,
    });
  });
});
