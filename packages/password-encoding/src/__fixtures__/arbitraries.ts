import fc from 'fast-check';

/**
 * Arbitrary text that an answer file can carry: any Unicode scalar value (astral ones included)
 * except the control characters XML 1.0 forbids and U+FFFE/U+FFFF.
 */
export function answerFileText(): fc.Arbitrary<string> {
  const allowed = fc
    .oneof(
      { weight: 4, arbitrary: fc.integer({ min: 0x20, max: 0x7e }) },
      { weight: 1, arbitrary: fc.constantFrom(0x09, 0x0a, 0x0d) },
      { weight: 2, arbitrary: fc.integer({ min: 0x80, max: 0xd7ff }) },
      { weight: 1, arbitrary: fc.integer({ min: 0xe000, max: 0xfffd }) },
      { weight: 2, arbitrary: fc.integer({ min: 0x10000, max: 0x10ffff }) },
    )
    .map((codePoint) => String.fromCodePoint(codePoint));
  return fc.array(allowed, { maxLength: 40 }).map((chars) => chars.join(''));
}
