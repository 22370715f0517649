import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Evaluates an XPath on a document with xmllint (libxml2), the reader libvirt itself uses. */
export function xpath(xml: string, expression: string): string {
  return execFileSync('xmllint', ['--xpath', expression, '-'], { input: xml, encoding: 'utf8' }).trim();
}

/** Runs libvirt's own `virt-xml-validate FILE domain`; returns its exit status and output. */
export function virtXmlValidate(xml: string): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'export-domain-'));
  try {
    const file = join(dir, 'domain.xml');
    writeFileSync(file, xml);
    const run = spawnSync('virt-xml-validate', [file, 'domain'], { encoding: 'utf8' });
    return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
