import { powerShellLiteral } from './powershell-literal';

/**
 * A fragment of generated PowerShell. Only the `ps` template tag creates one, so a raw string can
 * never be spliced into a script: every interpolated string goes through `powerShellLiteral`.
 */
export class PowerShellCode {
  readonly text: string;

  constructor(text: string) {
    this.text = text;
  }
}

/** What may be interpolated into a `ps` template. */
export type PowerShellValue =
  | string
  | number
  | boolean
  | PowerShellCode
  | readonly string[]
  | readonly PowerShellCode[];

/**
 * Template tag for PowerShell (raw: backslashes stay as written): strings become single-quoted literals, string arrays `@('a', 'b')`,
 * integers their digits, booleans `$true`/`$false`, code fragments are inserted as they are (arrays
 * of fragments one per line).
 */
export function ps(strings: TemplateStringsArray, ...values: PowerShellValue[]): PowerShellCode {
  let text = strings.raw[0] ?? '';
  values.forEach((value, index) => {
    text += render(value) + (strings.raw[index + 1] ?? '');
  });
  return new PowerShellCode(text);
}

function render(value: PowerShellValue): string {
  if (value instanceof PowerShellCode) return value.text;
  if (typeof value === 'string') return powerShellLiteral(value);
  if (typeof value === 'boolean') return value ? '$true' : '$false';
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new RangeError(`Only integers go into PowerShell, got ${value}`);
    return String(value);
  }
  if (value.every((item): item is string => typeof item === 'string')) {
    return `@(${value.map(powerShellLiteral).join(', ')})`;
  }
  return value.map((item) => (item as PowerShellCode).text).join('\n');
}
