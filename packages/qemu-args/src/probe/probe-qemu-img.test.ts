import { realpathSync } from 'node:fs';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { describe, expect, test } from 'vitest';
import { probeQemuImg } from './index';

const tools = requireHostTools([{ command: 'qemu-img', debian: 'qemu-utils' }]);

describe.runIf(process.platform === 'linux')('probeQemuImg', () => {
  test.skipIf(!tools.available)('finds qemu-img where Debian installs it even when PATH lacks it', () => {
    const found = probeQemuImg({ PATH: '/nonexistent' });
    expect(found && realpathSync(found)).toBe(realpathSync('/usr/bin/qemu-img'));
  });
});
