import { describe, expect, test } from 'vitest';
import { requireGuestTools } from './__fixtures__/host-tools.ts';
import { dependencyClosure, showPackages } from './apt.ts';

const gate = requireGuestTools();

// qemu-guest-agent depends on init-system-helpers, an `Architecture: all` package that apt files
// under the native architecture only: `init-system-helpers:arm64` finds nothing on an amd64 host.
describe.skipIf(!gate.available)("apt look-ups for the guest's architecture", () => {
  test.each(['amd64', 'arm64'] as const)('an Architecture: all package resolves for %s', async (arch) => {
    const [pkg] = await showPackages(['init-system-helpers'], arch);
    expect(pkg).toMatchObject({ name: 'init-system-helpers', architecture: 'all' });
  });

  test("the agent's whole closure resolves for arm64, native packages as arm64", async () => {
    const closure = await dependencyClosure(['qemu-guest-agent'], 'arm64');
    const agent = closure.find((pkg) => pkg.name === 'qemu-guest-agent');
    expect(agent?.architecture).toBe('arm64');
    expect(closure.every((pkg) => pkg.architecture === 'arm64' || pkg.architecture === 'all')).toBe(true);
    expect(closure.some((pkg) => pkg.architecture === 'all')).toBe(true);
  });
});
