import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { guestJsonSchema } from '@winguest/guest';
import { describe, expect, test } from 'vitest';

const shipped = join(import.meta.dirname, '..', '..', 'schema.json');

describe('schema.json', () => {
  test('the JSON Schema shipped for editors is the guest description; UPDATE_SCHEMA=1 rewrites it', () => {
    const current = `${JSON.stringify(guestJsonSchema(), null, 2)}\n`;
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(shipped, current);
    expect(readFileSync(shipped, 'utf8'), 'run: UPDATE_SCHEMA=1 pnpm vitest run apps/cli/src/config').toBe(
      current,
    );
  });
});
