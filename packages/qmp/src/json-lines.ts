import { StringDecoder } from 'node:string_decoder';

/**
 * Splits a byte stream into JSON messages, one per line (QMP ends each with `\r\n`). Bytes 0xFF,
 * which never occur in UTF-8, are dropped: the guest agent sends one before the reply to
 * `guest-sync-delimited` to mark where its output starts. Characters split across chunks survive.
 * Returns a push function; `onMessage` gets each parsed value, `onInvalid` each line that is not JSON.
 */
export function jsonLineSplitter(
  onMessage: (message: unknown) => void,
  onInvalid: (line: string) => void,
): (chunk: Buffer | string) => void {
  const decoder = new StringDecoder('utf8');
  let buffered = '';
  return (chunk) => {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    buffered += decoder.write(bytes.includes(0xff) ? bytes.filter((b) => b !== 0xff) : bytes);
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
