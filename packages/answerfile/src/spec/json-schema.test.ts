import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import * as z from 'zod';
import { answerFileSpecSchema } from '../index';

/** The JSON Schema shipped as `@winguest/answerfile/schema.json`: what a spec file may contain. */
function generate(): string {
  const schema = z.toJSONSchema(answerFileSpecSchema, { io: 'input' });
  return `${JSON.stringify({ title: 'winguest answer file spec', ...schema }, null, 2)}\n`;
}

describe('answer-file-spec.schema.json', () => {
  test('matches the zod schema (regenerate with `pnpm vitest run -u src/spec/json-schema`)', async () => {
    await expect(generate()).toMatchFileSnapshot('../../answer-file-spec.schema.json');
  });

  test('is exported by the package and describes the fields editors complete', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(pkg.exports['./schema.json']).toBe('./answer-file-spec.schema.json');
    const schema = JSON.parse(generate());
    expect(schema.required).toEqual(['identity']);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.target.properties.family.enum).toEqual([
      'windows10',
      'windows11',
      'server2022',
      'server2025',
    ]);
    expect(schema.properties.locale.properties.timeZone).toMatchObject({ type: 'string', default: 'UTC' });
    expect(schema.properties.identity.properties.accounts.items.required).toEqual(['name', 'password']);
    expect(schema.properties.identity.properties.computerName.description).toMatch(/15 letters/);
  });
});
