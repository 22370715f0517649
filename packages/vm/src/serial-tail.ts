import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * Follows a growing log file (QEMU's serial chardev) and returns its new complete lines on each
 * `read()`. Keeps the last `keep` lines for error reports. A file that does not exist yet reads as
 * empty.
 */
export class SerialTail {
  readonly #path: string;
  readonly #keep: number;
  #offset = 0;
  #partial = '';
  readonly #recent: string[] = [];
  readonly #decoder = new TextDecoder('utf-8');

  constructor(path: string, keep = 40) {
    this.#path = path;
    this.#keep = keep;
  }

  /** The complete lines written since the last call (without line endings). */
  read(): string[] {
    let fd: number;
    try {
      fd = openSync(this.#path, 'r');
    } catch {
      return [];
    }
    try {
      const size = fstatSync(fd).size;
      if (size <= this.#offset) return [];
      const buffer = Buffer.alloc(size - this.#offset);
      const n = readSync(fd, buffer, 0, buffer.length, this.#offset);
      this.#offset += n;
      const text = this.#partial + this.#decoder.decode(buffer.subarray(0, n), { stream: true });
      const parts = text.split(/\r?\n|\r/);
      this.#partial = parts.pop() ?? '';
      for (const line of parts) this.#remember(line);
      return parts;
    } finally {
      closeSync(fd);
    }
  }

  /** The last lines seen (newest last), including an unfinished last line. */
  recent(): string[] {
    const lines = this.#partial ? [...this.#recent, this.#partial] : [...this.#recent];
    return lines.slice(-this.#keep);
  }

  #remember(line: string): void {
    if (line.trim() === '') return;
    this.#recent.push(line);
    if (this.#recent.length > this.#keep) this.#recent.shift();
  }
}
