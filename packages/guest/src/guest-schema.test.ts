import { describe, expect, test } from 'vitest';
import { guestJsonSchema, guestSchema } from './guest-schema';

describe('guest schema', () => {
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
    walk(guestJsonSchema() as never, '');
    expect(undocumented).toEqual([]);
  });

  test('an empty description is valid and means Windows 11, UEFI, 2 CPUs, 4 GiB, SSH on 22', () => {
    expect(guestSchema.parse({})).toMatchObject({
      family: 'windows11',
      firmware: 'uefi',
      computerName: 'winguest',
      user: { name: 'winguest' },
      vm: { cpus: 2, memoryMiB: 4096, disk: { sizeGiB: 64 }, accelerator: 'auto', tpm: false },
      ssh: { port: 22, shell: 'powershell', strategy: 'auto' },
    });
  });
});
