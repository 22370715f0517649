import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { configJsonSchema, configSchema } from './config-schema';

const shipped = join(import.meta.dirname, '..', '..', 'schema.json');

describe('config schema', () => {
  test('schema.json (shipped for editors) matches the zod schema; UPDATE_SCHEMA=1 rewrites it', () => {
    const current = `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(shipped, current);
    expect(readFileSync(shipped, 'utf8'), 'run: UPDATE_SCHEMA=1 pnpm vitest run apps/cli/src/config').toBe(
      current,
    );
  });

  test('every field is described, so editors and `winguest init` can explain it', () => {
    const undocumented: string[] = [];
    const walk = (
      schema: { properties?: Record<string, { description?: string; properties?: object }> },
      path: string,
    ) => {
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        if (!property.description && key !== '$schema') undocumented.push(`${path}${key}`);
        if (property.properties) walk(property as never, `${path}${key}.`);
      }
    };
    walk(configJsonSchema() as never, '');
    expect(undocumented).toEqual([]);
  });

  test('an empty config is valid and means Windows 11, UEFI, 2 CPUs, 4 GiB', () => {
    expect(configSchema.parse({})).toMatchObject({
      family: 'windows11',
      firmware: 'uefi',
      vm: { cpus: 2, memoryMiB: 4096, accelerator: 'auto' },
      ssh: { port: 22, shell: 'powershell', strategy: 'auto' },
    });
  });
});
