import { readFileSync } from 'node:fs';
import { defineFuzzTests } from '@winguest/fuzz';
import { AnswerFileError } from '../errors';
import { parseAnswerFile } from './parse-answer-file';

const seed = readFileSync(
  new URL('../__fixtures__/real-world/vm-template-windows11-uefi.xml', import.meta.url),
);
const markup = [
  '<',
  '>',
  '</',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '<?xml',
  '?>',
  '&',
  '&amp;',
  '&#x110000;',
  '&#0;',
  '"',
  '=',
  'xmlns:a="x"',
  'a:b',
  '<!DOCTYPE x [<!ENTITY e "e">]>',
  '\u0000',
  '\ud800',
];

defineFuzzTests({
  name: 'answer-file',
  crashers: new URL('../__fixtures__/fuzz-crashers/', import.meta.url),
  seed: async () => seed,
  tokens: markup.map((t) => Buffer.from(t, 'utf8')),
  run: async (input) => parseAnswerFile(new TextDecoder().decode(input)),
  expected: AnswerFileError.isInstance,
});
