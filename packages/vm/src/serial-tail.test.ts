import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { SerialTail } from './serial-tail';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

test('returns only new complete lines, across CRLF, partial lines and split UTF-8', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wg-tail-'));
  dirs.push(dir);
  const file = join(dir, 'serial.log');
  const tail = new SerialTail(file, 3);
  expect(tail.read()).toEqual([]); // not created yet
  const bytes = Buffer.from('one\r\ntwo ö', 'utf8');
  appendFileSync(file, bytes.subarray(0, bytes.length - 1)); // cut inside "ö"
  expect(tail.read()).toEqual(['one']);
  appendFileSync(file, Buffer.concat([bytes.subarray(bytes.length - 1), Buffer.from('\nthree\n\nfour')]));
  expect(tail.read()).toEqual(['two ö', 'three', '']);
  expect(tail.recent()).toEqual(['two ö', 'three', 'four']);
});
