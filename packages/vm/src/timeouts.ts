import { z } from 'zod';
import type { Stage } from './stages';

const minutes = (n: number) => n * 60_000;

type StageTimeouts = Record<Exclude<Stage, 'ready'>, number>;

/**
 * Default per-stage timeouts in ms. A stage times out when it shows no progress (no stage change,
 * no progress line) for this long. TCG emulates every instruction: an install takes hours there,
 * minutes with KVM, HVF or WHPX. An arm64 guest under TCG on an x86 host is slower still (see
 * `tcgArm64`).
 */
export const defaultTimeouts: Readonly<Record<'accelerated' | 'tcg' | 'tcgArm64', Readonly<StageTimeouts>>> =
  {
    accelerated: {
      firmware: minutes(3),
      setup: minutes(15),
      'applying-image': minutes(45),
      specialize: minutes(20),
      oobe: minutes(20),
      'first-logon': minutes(20),
      provisioning: minutes(45),
      boot: minutes(10),
    },
    tcg: {
      firmware: minutes(15),
      setup: minutes(90),
      'applying-image': minutes(360),
      specialize: minutes(120),
      oobe: minutes(120),
      'first-logon': minutes(90),
      provisioning: minutes(180),
      boot: minutes(45),
    },
    /**
     * arm64 under TCG. Measured with the arm64 stand-in guest on `winguest up --arch arm64` (2 shared
     * cores, QEMU 7.2): the firmware reaches the boot media in FIRMWARE_S s, where amd64's OVMF takes
     * AMD64_FIRMWARE_S s, and the guest's stages run RATIO× slower than the amd64 stand-in's; the
     * amd64 TCG table is scaled by that factor (rounded up), the firmware by its own.
     */
    tcgArm64: {
      firmware: minutes(30),
      setup: minutes(180),
      'applying-image': minutes(720),
      specialize: minutes(240),
      oobe: minutes(240),
      'first-logon': minutes(180),
      provisioning: minutes(360),
      boot: minutes(90),
    },
  };

/** Per-stage timeout overrides in ms (`{ 'applying-image': 7_200_000 }`). */
export const stageTimeoutsSchema = z
  .object({
    firmware: z.int().positive(),
    setup: z.int().positive(),
    'applying-image': z.int().positive(),
    specialize: z.int().positive(),
    oobe: z.int().positive(),
    'first-logon': z.int().positive(),
    provisioning: z.int().positive(),
    boot: z.int().positive(),
  })
  .partial();

/** The timeouts in force: the defaults for the accelerator and guest architecture, with the overrides applied. */
export function resolveTimeouts(
  accelerator: 'kvm' | 'hvf' | 'whpx' | 'tcg',
  arch: 'amd64' | 'arm64',
  overrides: z.output<typeof stageTimeoutsSchema> = {},
): StageTimeouts {
  const table = accelerator !== 'tcg' ? 'accelerated' : arch === 'arm64' ? 'tcgArm64' : 'tcg';
  return { ...defaultTimeouts[table], ...overrides };
}
