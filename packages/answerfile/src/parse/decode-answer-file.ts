/**
 * The text of an answer file's bytes, read the way Windows Setup reads them: UTF-8 with or without
 * a byte order mark, UTF-16LE or UTF-16BE with one (Windows PowerShell's `Out-File` writes UTF-16LE
 * with a BOM). The BOM is not part of the text.
 */
export function decodeAnswerFile(bytes: Uint8Array): string {
  const [a, b, c] = bytes;
  if (a === 0xff && b === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (a === 0xfe && b === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const start = a === 0xef && b === 0xbb && c === 0xbf ? 3 : 0;
  return new TextDecoder('utf-8').decode(bytes.subarray(start));
}
