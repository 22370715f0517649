import fc from 'fast-check';

/** Any well-formed text without NUL, weighted towards the characters that matter to PowerShell. */
export function hostileText(): fc.Arbitrary<string> {
  const special = fc.constantFrom(
    "'",
    '\u2018',
    '\u2019',
    '\u201A',
    '\u201B',
    '"',
    '`',
    '$',
    '(',
    ')',
    '{',
    '}',
    ';',
    '\n',
    '\r',
    '#',
    '@',
    ' ',
    'a',
  );
  return fc
    .oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({ unit: special, maxLength: 40 }),
      fc.string({
        unit: fc.oneof(special, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })),
        maxLength: 40,
      }),
    )
    .map((text) => text.replaceAll('\0', ''));
}
