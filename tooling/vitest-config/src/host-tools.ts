import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Where a missing tool comes from, for the message a developer sees. */
export interface ToolSource {
  /** The command looked up on PATH. */
  command: string;
  /** The Debian package that provides it. */
  debian: string;
}

export interface ToolGate {
  /** True when every tool is present; use with `describe.skipIf(!gate.available)`. */
  available: boolean;
  /** Absolute paths of the tools that were found, by command name. */
  paths: Record<string, string>;
  /** Why the tests are skipped (empty when available). */
  reason: string;
}

/** Finds an executable on PATH, like `command -v`. */
export function findOnPath(command: string, path = process.env.PATH ?? ''): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here; keep looking
    }
  }
  return undefined;
}

/**
 * Whether `CI` is set to a true value: any non-empty value except `0`, `false`, `no` and `off`
 * (CI systems set `true`, `1` or `yes`).
 */
export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.CI?.trim().toLowerCase();
  return value !== undefined && value !== '' && !['0', 'false', 'no', 'off'].includes(value);
}

/**
 * Gates tests on host tools. On a laptop without them the tests are skipped with a printed reason;
 * under `CI` set to a true value a missing tool throws, failing the test file, because a check skipped in CI is a
 * hole nobody sees. A CI job that deliberately runs only the pure code on another OS (macOS,
 * Windows) says so with `WINGUEST_HOST_TOOLS=optional`.
 */
export function requireHostTools(tools: ToolSource[], env = process.env): ToolGate {
  const paths: Record<string, string> = {};
  const missing: ToolSource[] = [];
  for (const tool of tools) {
    const found = findOnPath(tool.command, env.PATH);
    if (found) paths[tool.command] = found;
    else missing.push(tool);
  }
  if (missing.length === 0) return { available: true, paths, reason: '' };
  const names = missing.map((t) => t.command).join(', ');
  const packages = [...new Set(missing.map((t) => t.debian))].join(' ');
  const reason = `${names} not found on PATH (Debian: apt-get install ${packages})`;
  if (isCi(env) && env.WINGUEST_HOST_TOOLS !== 'optional') {
    throw new Error(`CI=true requires ${reason}; .ci/run should install it`);
  }
  console.warn(`skipping tests that need ${reason}`);
  return { available: false, paths, reason };
}
