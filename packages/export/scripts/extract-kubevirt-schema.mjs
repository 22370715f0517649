#!/usr/bin/env node
// Regenerates schema/kubevirt.schema.json from a KubeVirt checkout: the published OpenAPI
// definitions (api/openapi-spec/swagger.json) reachable from VirtualMachine and from CDI's
// DataVolumeSpec (vendored by KubeVirt), plus DataVolume as CDI serves it. Copies KubeVirt's
// licence beside it. Usage: node scripts/extract-kubevirt-schema.mjs <kubevirt-checkout> [commit]
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [checkout, commitArg] = process.argv.slice(2);
if (!checkout) {
  console.error('usage: extract-kubevirt-schema.mjs <kubevirt-checkout> [commit]');
  process.exit(2);
}
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'schema');
const swagger = JSON.parse(readFileSync(join(checkout, 'api/openapi-spec/swagger.json'), 'utf8'));
const all = swagger.definitions;
const roots = [
  'v1.VirtualMachine',
  'v1beta1.DataVolumeSpec',
  'k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta',
];

const kept = {};
const visit = (name) => {
  if (kept[name]) return;
  if (!all[name]) throw new Error(`swagger.json has no definition ${name}`);
  kept[name] = all[name];
  const refs = JSON.stringify(all[name]).matchAll(/"\$ref":"#\/definitions\/([^"]+)"/g);
  for (const [, ref] of refs) visit(ref);
};
roots.forEach(visit);

let commit = commitArg;
try {
  commit ??= execFileSync('git', ['-C', checkout, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
} catch {
  commit = 'unknown';
}
const sorted = Object.fromEntries(
  Object.keys(kept)
    .sort()
    .map((name) => [name, kept[name]]),
);
const schema = {
  $comment: `Extracted from kubevirt/kubevirt ${commit} api/openapi-spec/swagger.json (Apache-2.0, see LICENSE.kubevirt) by scripts/extract-kubevirt-schema.mjs. Do not edit.`,
  source: {
    repository: 'https://github.com/kubevirt/kubevirt',
    commit,
    file: 'api/openapi-spec/swagger.json',
  },
  roots: {
    VirtualMachine: { $ref: '#/definitions/v1.VirtualMachine' },
    DataVolume: {
      type: 'object',
      required: ['apiVersion', 'kind', 'metadata', 'spec'],
      properties: {
        apiVersion: { type: 'string', enum: ['cdi.kubevirt.io/v1beta1'] },
        kind: { type: 'string', enum: ['DataVolume'] },
        metadata: { $ref: '#/definitions/k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta' },
        spec: { $ref: '#/definitions/v1beta1.DataVolumeSpec' },
      },
    },
  },
  definitions: sorted,
};
const target = join(out, 'kubevirt.schema.json');
writeFileSync(`${target}.tmp`, `${JSON.stringify(schema, null, 1)}\n`);
renameSync(`${target}.tmp`, target);
copyFileSync(join(checkout, 'LICENSE'), join(out, 'LICENSE.kubevirt'));
console.log(`${Object.keys(sorted).length} definitions from ${commit} → ${target}`);
