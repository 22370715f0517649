import { stringify } from 'yaml';

interface JsonSchema {
  type?: string | string[];
  description?: string;
  default?: unknown;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
  additionalProperties?: unknown;
}

/**
 * A commented winguest.yaml: every field with its description; fields with a default are written
 * with it (so the file states what happens), the rest are commented out with an example.
 */
export function renderInitConfig(
  schema: JsonSchema,
  schemaUrl: string,
  values: Record<string, unknown>,
): string {
  const header = [
    `# yaml-language-server: $schema=${schemaUrl}`,
    '# winguest configuration: every field is optional and shows its default. `winguest build` reads it.',
    '# Passwords never go here: set WINGUEST_PASSWORD, or user.passwordFile, or let winguest generate one.',
    '',
  ];
  return `${[...header, ...renderProperties(schema, values, '')].join('\n')}\n`;
}

function renderProperties(schema: JsonSchema, values: Record<string, unknown>, indent: string): string[] {
  const lines: string[] = [];
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    if (key === '$schema') continue;
    if (property.description) lines.push(`${indent}# ${property.description}`);
    if (property.properties) {
      const children = renderProperties(
        property,
        (values[key] ?? {}) as Record<string, unknown>,
        `${indent}  `,
      );
      const active = property.default !== undefined || key in values;
      if (active && children.some((line) => !line.trimStart().startsWith('#')))
        lines.push(`${indent}${key}:`, ...children);
      // An optional section, or one whose fields are all commented out, is commented out too.
      else
        lines.push(
          `${indent}# ${key}:`,
          ...children.map((line) => `${indent}# ${line.slice(indent.length)}`),
        );
      continue;
    }
    const value = key in values ? values[key] : property.default;
    if (value !== undefined) lines.push(`${indent}${key}: ${scalar(value)}`);
    else lines.push(`${indent}# ${key}: ${example(property)}`);
  }
  return lines;
}

function scalar(value: unknown): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

function example(property: JsonSchema): string {
  const options = property.enum ?? property.anyOf?.flatMap((a) => a.enum ?? []);
  if (options?.length) return scalar(options[0]);
  const type = Array.isArray(property.type) ? property.type[0] : property.type;
  if (type === 'integer' || type === 'number') return '0';
  if (type === 'boolean') return 'false';
  if (type === 'object' || property.additionalProperties !== undefined) return '{}';
  return "''";
}
