import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { strictSchemaErrors } from './__fixtures__/kubevirt-schema';
import { checkKubeVirtManifests } from './index';

const page = readFileSync(new URL('../../../docs/export.md', import.meta.url), 'utf8');
const blocks = [...page.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m, i) => ({ i, yaml: m[1] ?? '' }));

describe('docs/export.md manifests', () => {
  test('the page has the golden-image manifests', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(2);
  });

  test.each(blocks)('YAML block $i passes KubeVirt’s strict schema and our checks', ({ yaml }) => {
    const docs = parseAllDocuments(yaml).map((doc) => {
      expect(doc.errors).toEqual([]);
      return doc.toJS() as { kind?: string };
    });
    for (const doc of docs) expect(strictSchemaErrors(doc)).toEqual([]);
    if (docs.some((doc) => doc.kind === 'VirtualMachine')) expect(checkKubeVirtManifests(docs)).toEqual([]);
  });
});
