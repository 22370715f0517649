import fc from 'fast-check';

/**
 * Arbitrary one-line text an answer-file value can carry: any Unicode scalar value (astral ones
 * included) except control characters and U+FFFE/U+FFFF, mixed with XML's special strings.
 */
export function valueText(maxLength = 40): fc.Arbitrary<string> {
  const char = fc
    .oneof(
      { weight: 4, arbitrary: fc.integer({ min: 0x20, max: 0x7e }) },
      { weight: 2, arbitrary: fc.integer({ min: 0x80, max: 0xd7ff }) },
      { weight: 1, arbitrary: fc.integer({ min: 0xe000, max: 0xfffd }) },
      { weight: 2, arbitrary: fc.integer({ min: 0x10000, max: 0x10ffff }) },
    )
    .map((codePoint) => String.fromCodePoint(codePoint));
  const hostile = fc.constantFrom(
    ']]>',
    '<!--',
    '-->',
    '<![CDATA[',
    '&amp;',
    '&',
    '<',
    '>',
    '"',
    "'",
    '</Path>',
    '<x/>',
    '&#0;',
    '  ',
    '😀',
  );
  return fc
    .array(fc.oneof({ weight: 5, arbitrary: char }, { weight: 1, arbitrary: hostile }), {
      minLength: 1,
      maxLength,
    })
    .map((parts) => parts.join('').slice(0, maxLength))
    .filter((text) => text.length > 0 && !/[\ud800-\udbff]$/.test(text));
}
