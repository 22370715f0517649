import { readFileSync } from 'node:fs';
import { defineFuzzTests, xmlMarkupTokens } from '@winguest/fuzz';
import { AnswerFileError } from '../errors';
import { parseAnswerFile } from './parse-answer-file';

const seed = readFileSync(
  new URL('../__fixtures__/real-world/vm-template-windows11-uefi.xml', import.meta.url),
);

defineFuzzTests({
  name: 'answer-file',
  crashers: new URL('../__fixtures__/fuzz-crashers/', import.meta.url),
  seed: async () => seed,
  tokens: xmlMarkupTokens('utf8'),
  run: async (input) => parseAnswerFile(new TextDecoder().decode(input)),
  expected: AnswerFileError.isInstance,
});
