/** The XML metadata of a one-edition install.wim, as wimlib writes it (without the BOM). */
export const tinyWimXml =
  '<WIM><TOTALBYTES>1</TOTALBYTES><IMAGE INDEX="1"><NAME>Windows 11 Pro</NAME>' +
  '<WINDOWS><ARCH>9</ARCH><EDITIONID>Professional</EDITIONID><LANGUAGES><LANGUAGE>en-US</LANGUAGE>' +
  '<DEFAULT>en-US</DEFAULT></LANGUAGES><VERSION><MAJOR>10</MAJOR><MINOR>0</MINOR><BUILD>26100</BUILD>' +
  '<SPBUILD>1</SPBUILD></VERSION></WINDOWS><TOTALBYTES>4096</TOTALBYTES></IMAGE></WIM>';

/**
 * A WIM file with only a header and uncompressed XML metadata: enough for `readWimInfo`, made in
 * memory so tests and the fuzzer need no wimlib.
 */
export function tinyWim(xml = tinyWimXml): Uint8Array {
  const text = Buffer.from(`\ufeff${xml}`, 'utf16le');
  const header = Buffer.alloc(208);
  header.write('MSWIM\0\0\0', 0, 'latin1');
  header.writeUInt32LE(208, 8);
  header.writeUInt32LE(0x10d00, 12);
  header.writeUInt32LE(0x8000, 20);
  header.writeUInt16LE(1, 40);
  header.writeUInt16LE(1, 42);
  header.writeUInt32LE(1, 44);
  header.writeUInt32LE(text.length, 72);
  header.writeUInt32LE(208, 80);
  header.writeUInt32LE(text.length, 88);
  return Buffer.concat([header, text]);
}
