/**
 * Reads `key=value` lines, the output format every check script prints (PowerShell and shell alike).
 * Lines without `=` are ignored; a key may repeat (e.g. `group=`), so each maps to all its values.
 */
export function parseKeyValues(output: string): Map<string, string[]> {
  const values = new Map<string, string[]>();
  for (const raw of output.split(/\r?\n/)) {
    const line = raw.trim();
    const equals = line.indexOf('=');
    if (equals <= 0) continue;
    const key = line.slice(0, equals);
    const list = values.get(key) ?? [];
    list.push(line.slice(equals + 1));
    values.set(key, list);
  }
  return values;
}

/** The first value of `key`, or undefined. */
export function firstValue(values: Map<string, string[]>, key: string): string | undefined {
  return values.get(key)?.[0];
}
