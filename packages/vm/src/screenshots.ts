import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { QmpClient } from '@winguest/qmp';

/**
 * Saves numbered PNG screenshots (`0007-specialize.png`) of the VM's display through QMP
 * `screendump` (QEMU 7.1+ writes PNG). Numbering continues after files already in the directory.
 */
export class ScreenshotTaker {
  readonly #dir: string;
  #next: number;
  /** The newest screenshot's path. */
  newest?: string;

  constructor(dir: string) {
    this.#dir = dir;
    const taken = listScreenshots(dir);
    this.newest = taken.at(-1);
    this.#next = taken.length + 1;
  }

  /** Takes one; resolves with its path. Rejects with the QMP error when QEMU cannot. */
  async take(qmp: QmpClient, label: string): Promise<string> {
    const path = join(this.#dir, `${String(this.#next).padStart(4, '0')}-${label}.png`);
    this.#next += 1;
    await qmp.execute('screendump', { filename: path, format: 'png' }, { timeoutMs: 20_000 });
    this.newest = path;
    return path;
  }
}

/** The screenshots in `dir`, oldest first. */
export function listScreenshots(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((file) => /^\d{4,}-.*\.png$/.test(file))
      .sort()
      .map((file) => join(dir, file));
  } catch {
    return [];
  }
}
