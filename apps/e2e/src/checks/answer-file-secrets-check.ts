import { encodePassword } from '@winguest/password-encoding';
import { cachedAnswerFiles } from '@winguest/provision-scripts';
import type { CheckDefinition } from './check.ts';

const fileMarker = '=== file ';
/** What Windows Setup writes in place of a password in its cached copy of the answer file. */
export const maskedPassword = '*SENSITIVE*DATA*DELETED*';

// Prints every cached answer file that still exists, each after a `=== file <path>` line.
const windowsScript = `$paths = @(${cachedAnswerFiles.map((p) => `'${p}'`).join(', ')}) | ForEach-Object { Join-Path -Path $env:SystemRoot -ChildPath $_ }
foreach ($path in $paths) {
    foreach ($file in @(Get-ChildItem -LiteralPath $path -Recurse -File -ErrorAction SilentlyContinue)) {
        '${fileMarker}' + $file.FullName
        Get-Content -LiteralPath $file.FullName -Raw
    }
}`;

// The stand-in has no Panther folder: any copy of an answer file on its own file system counts.
const standinScript = `find / -xdev -type f -iname '*unattend*.xml' 2>/dev/null | while read -r f; do echo "${fileMarker}$f"; cat "$f"; done`;

/** A file dump (`=== file <path>` followed by its text) split back into files. */
export function parseFileDump(output: string): { path: string; text: string }[] {
  const files: { path: string; text: string }[] = [];
  for (const line of output.split(/\r?\n/)) {
    if (line.startsWith(fileMarker)) files.push({ path: line.slice(fileMarker.length).trim(), text: '' });
    else if (files.length > 0) (files.at(-1) as { text: string }).text += `${line}\n`;
  }
  return files;
}

/**
 * The secrets a cached answer file still holds: the password in plain text or in its answer-file
 * encoding (for `Password` or `AdministratorPassword`), or any password `<Value>` Setup did not mask.
 */
export function secretsIn(text: string, password: string): string[] {
  const found: string[] = [];
  if (password !== '' && text.includes(password)) found.push('the password in plain text');
  for (const field of ['Password', 'AdministratorPassword'] as const) {
    if (password !== '' && text.includes(encodePassword(password, field)))
      found.push(`the password encoded for ${field}`);
  }
  // `<Password><Value>…</Value>…</Password>` as written, or `<Password>…</Password>` as Setup masks it.
  const passwordValues = [
    /<(Password|AdministratorPassword)\b[^>]*>\s*<Value>([^<]*)<\/Value>/g,
    /<(Password|AdministratorPassword)\b[^>]*>([^<]+)<\/\1>/g,
  ];
  for (const match of passwordValues.flatMap((pattern) => [...text.matchAll(pattern)])) {
    const value = (match[2] ?? '').trim();
    if (value !== '' && value !== maskedPassword) found.push(`an unmasked <${match[1]}> value`);
  }
  return [...new Set(found)];
}

/** No cached copy of the answer file still holds a secret. */
export const answerFileSecretsCheck: CheckDefinition = {
  id: 'answer-file-secrets',
  title: 'cached answer files (C:\\Windows\\Panther) hold no secrets',
  script: { windows: () => windowsScript, standin: () => standinScript },
  evaluate(output, { password }) {
    const files = parseFileDump(output);
    if (files.length === 0) return { passed: true, detail: 'no cached answer file is left' };
    const leaks = files.flatMap((file) =>
      secretsIn(file.text, password).map((secret) => `${file.path}: ${secret}`),
    );
    return leaks.length === 0
      ? {
          passed: true,
          detail: `${files.length} cached answer file(s), passwords masked: ${files.map((f) => f.path).join(', ')}`,
        }
      : { passed: false, detail: leaks.join('; ') };
  },
};
