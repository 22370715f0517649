/**
 * Splits a byte stream into JSON messages, one per line (QMP ends each with `\r\n`).
 * Returns a push function; `onMessage` gets each parsed value, `onInvalid` each line that is not JSON.
 */
export function jsonLineSplitter(
  onMessage: (message: unknown) => void,
  onInvalid: (line: string) => void,
): (chunk: Buffer | string) => void {
  let buffered = '';
  return (chunk) => {
    buffered += chunk.toString();
    let newline = buffered.indexOf('\n');
    while (newline !== -1) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (line) parseLine(line, onMessage, onInvalid);
      newline = buffered.indexOf('\n');
    }
  };
}

function parseLine(line: string, onMessage: (m: unknown) => void, onInvalid: (l: string) => void): void {
  let message: unknown;
  try {
    message = JSON.parse(line);
  } catch {
    onInvalid(line);
    return;
  }
  onMessage(message);
}
