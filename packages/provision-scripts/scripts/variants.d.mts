/** The script variants every check renders: all steps on, each step alone, no steps, hostile values. */
export function scriptVariants(): Array<{ name: string; spec: Record<string, unknown> }>;
/** Strings that stress quoting: every PowerShell quote character, `$()`, backticks, line breaks. */
export const hostileValues: string[];
