/**
 * Renders a QEMU option string `base,key=value,…`. Values have commas doubled, which is how QEMU's
 * option parser reads a literal comma, so any path survives. Undefined values are left out.
 */
export function qemuOption(
  base: string,
  props: Record<string, string | number | boolean | undefined> = {},
): string {
  const parts = base ? [base] : [];
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined) continue;
    parts.push(
      `${key}=${escapeOptionValue(typeof value === 'boolean' ? (value ? 'on' : 'off') : String(value))}`,
    );
  }
  return parts.join(',');
}

/** Doubles commas so QEMU's option parser reads the value literally. */
export function escapeOptionValue(value: string): string {
  return value.replaceAll(',', ',,');
}
