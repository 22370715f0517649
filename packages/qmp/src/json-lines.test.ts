import { expect, test } from 'vitest';
import { jsonLineSplitter } from './json-lines';

function split(chunks: Array<Buffer | string>) {
  const messages: unknown[] = [];
  const invalid: string[] = [];
  const push = jsonLineSplitter(
    (m) => messages.push(m),
    (l) => invalid.push(l),
  );
  for (const chunk of chunks) push(chunk);
  return { messages, invalid };
}

test('drops the 0xFF the guest agent sends before its guest-sync-delimited reply', () => {
  const reply = Buffer.concat([Buffer.from([0xff]), Buffer.from('{"return": 42}\n')]);
  expect(split([reply])).toEqual({ messages: [{ return: 42 }], invalid: [] });
});

test('a character split across two chunks survives', () => {
  const line = Buffer.from('{"name": "Überprüfung ✓"}\r\n');
  const cut = line.indexOf(0x9c); // inside Ü (C3 9C), so the first chunk ends mid-character
  expect(split([line.subarray(0, cut), line.subarray(cut)]).messages).toEqual([{ name: 'Überprüfung ✓' }]);
});

test('lines that are not JSON are reported, not parsed', () => {
  expect(split(['{"a":1}\r\nnot json\r\n{"b"', ':2}\n'])).toEqual({
    messages: [{ a: 1 }, { b: 2 }],
    invalid: ['not json'],
  });
});
