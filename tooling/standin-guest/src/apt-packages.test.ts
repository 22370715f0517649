import { expect, test } from 'vitest';
import { debFileName, parseAptShow } from './apt-packages.ts';

// Trimmed `apt-cache show --no-all-versions linux-image-amd64 dropbear-bin dropbear-initramfs` (bookworm).
const show = `Package: linux-image-amd64
Source: linux-signed-amd64 (6.1.192+2)
Version: 6.1.192-2
Architecture: amd64
Depends: linux-image-6.1.0-56-amd64 (= 6.1.192-2)
Description: Linux for 64-bit PCs (meta-package)

Package: dropbear-bin
Version: 2022.83-1+deb12u3
Architecture: amd64
Depends: libc6 (>= 2.34), libcrypt1 (>= 1:4.1.0), libtomcrypt1 (>= 1.18.2), libtommath1 (>= 1.2.0),
 zlib1g (>= 1:1.1.4)
Recommends: openssh-client | dropbear-initramfs

Package: dropbear-initramfs
Version: 2022.83-1+deb12u3
Architecture: all
Depends: busybox | busybox-static, dropbear-bin (>= 2022.83-1+deb12u3), initramfs-tools (>= 0.94), udev
`;

test('reads name, version, architecture and the first of each dependency alternative', () => {
  expect(parseAptShow(show)).toEqual([
    {
      name: 'linux-image-amd64',
      version: '6.1.192-2',
      architecture: 'amd64',
      depends: ['linux-image-6.1.0-56-amd64'],
    },
    {
      name: 'dropbear-bin',
      version: '2022.83-1+deb12u3',
      architecture: 'amd64',
      depends: ['libc6', 'libcrypt1', 'libtomcrypt1', 'libtommath1', 'zlib1g'],
    },
    {
      name: 'dropbear-initramfs',
      version: '2022.83-1+deb12u3',
      architecture: 'all',
      depends: ['busybox', 'dropbear-bin', 'initramfs-tools', 'udev'],
    },
  ]);
});

test.each([
  [
    { name: 'dropbear-bin', version: '2022.83-1+deb12u3', architecture: 'amd64' },
    'dropbear-bin_2022.83-1+deb12u3_amd64.deb',
  ],
  [
    { name: 'busybox-static', version: '1:1.35.0-4', architecture: 'amd64' },
    'busybox-static_1%3a1.35.0-4_amd64.deb',
  ],
])('debFileName names the file apt-get download writes (%o)', (pkg, file) => {
  expect(debFileName({ ...pkg, depends: [] })).toBe(file);
});
