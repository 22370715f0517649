import { type Document, isMap, isScalar, type LineCounter, visit } from 'yaml';

/**
 * `line:col: Map keys must be unique ("name")` for every key repeated in one mapping. The yaml
 * library's own `uniqueKeys` check compares each key with all before it (quadratic: a config
 * with 40 000 keys took 20 s); this one is linear, one set of keys per mapping.
 */
export function duplicateKeys(document: Document, lines: LineCounter): string[] {
  const found: string[] = [];
  visit(document, {
    Map(_key, map) {
      if (!isMap(map)) return;
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? pair.key.value : String(pair.key);
        if (!seen.has(key)) {
          seen.add(key);
          continue;
        }
        const at = isScalar(pair.key) && pair.key.range ? lines.linePos(pair.key.range[0]) : undefined;
        found.push(
          `${at ? `${at.line}:${at.col}` : '?'}: Map keys must be unique (${JSON.stringify(String(key))})`,
        );
      }
    },
  });
  return found;
}
