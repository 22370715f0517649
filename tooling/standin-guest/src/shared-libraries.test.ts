import { expect, test } from 'vitest';
import { parseReadelf } from './shared-libraries.ts';

// `readelf -lW -d usr/sbin/dropbear` of bookworm's arm64 dropbear-bin, trimmed.
const dropbear = `
Program Headers:
  Type           Offset   VirtAddr           PhysAddr           FileSiz  MemSiz   Flg Align
  INTERP         0x000238 0x0000000000000238 0x0000000000000238 0x00001b 0x00001b R   0x1
      [Requesting program interpreter: /lib/ld-linux-aarch64.so.1]

Dynamic section at offset 0x4fd40 contains 30 entries:
  Tag        Type                         Name/Value
 0x0000000000000001 (NEEDED)             Shared library: [libtomcrypt.so.1]
 0x0000000000000001 (NEEDED)             Shared library: [libz.so.1]
 0x0000000000000001 (NEEDED)             Shared library: [libc.so.6]
 0x000000000000000c (INIT)               0x6000
`;

test('reads the interpreter and every NEEDED library, in order', () => {
  expect(parseReadelf(dropbear)).toEqual({
    interpreter: '/lib/ld-linux-aarch64.so.1',
    needed: ['libtomcrypt.so.1', 'libz.so.1', 'libc.so.6'],
  });
});

test('a shared library has no interpreter; a static binary needs nothing', () => {
  expect(parseReadelf(' 0x01 (NEEDED)             Shared library: [libc.so.6]\n')).toEqual({
    interpreter: undefined,
    needed: ['libc.so.6'],
  });
  expect(parseReadelf('There is no dynamic section in this file.\n')).toEqual({
    interpreter: undefined,
    needed: [],
  });
});
