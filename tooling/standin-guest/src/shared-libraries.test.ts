import { expect, test } from 'vitest';
import { parseLdd } from './shared-libraries.ts';

// `ldd usr/sbin/dropbear` with LD_LIBRARY_PATH on the unpacked packages (bookworm), one library missing.
const output = `	linux-vdso.so.1 (0x00007f2ed790b000)
	libtomcrypt.so.1 => /tmp/b/root/usr/lib/x86_64-linux-gnu/libtomcrypt.so.1 (0x00007f2ed77f6000)
	libz.so.1 => /tmp/b/root/lib/x86_64-linux-gnu/libz.so.1 (0x00007f2ed77b9000)
	libgmp.so.10 => not found
	/lib64/ld-linux-x86-64.so.2 (0x00007f2ed790d000)
`;

test('lists libraries with where they were found, the loader by its path, and no vDSO', () => {
  expect(parseLdd(output)).toEqual([
    { name: 'libtomcrypt.so.1', path: '/tmp/b/root/usr/lib/x86_64-linux-gnu/libtomcrypt.so.1' },
    { name: 'libz.so.1', path: '/tmp/b/root/lib/x86_64-linux-gnu/libz.so.1' },
    { name: 'libgmp.so.10', path: undefined },
    { name: '/lib64/ld-linux-x86-64.so.2', path: '/lib64/ld-linux-x86-64.so.2' },
  ]);
});
