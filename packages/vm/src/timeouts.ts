import * as z from 'zod';
import type { Stage } from './stages';

const minutes = (n: number) => n * 60_000;

type StageTimeouts = Record<Exclude<Stage, 'ready'>, number>;

/**
 * Default per-stage timeouts in ms. A stage times out when it shows no progress (no stage change,
 * no progress line) for this long. TCG emulates every instruction: an install takes hours there,
 * minutes with KVM, HVF or WHPX. The TCG column holds for arm64 guests too: measured with the arm64
 * stand-in (docs/arm64.md), edk2 + the guest reach ready as fast as or faster than amd64's OVMF
 * boot of the same guest on the same host, and no stage came within a tenth of its timeout.
 */
export const defaultTimeouts: Readonly<Record<'accelerated' | 'tcg', Readonly<StageTimeouts>>> = {
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

/** The timeouts in force: the accelerator's defaults with the overrides applied. */
export function resolveTimeouts(
  accelerator: 'kvm' | 'hvf' | 'whpx' | 'tcg',
  overrides: z.output<typeof stageTimeoutsSchema> = {},
): StageTimeouts {
  return { ...defaultTimeouts[accelerator === 'tcg' ? 'tcg' : 'accelerated'], ...overrides };
}
