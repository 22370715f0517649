import type { GuestArch } from './probe-result';

/**
 * amd64: a 64 KiB BIOS image. From the reset vector it jumps to offset 0 and, in real mode, runs
 * the kinds of instructions firmware runs first and broken nested KVM cannot (x87 `finit`, SSE
 * after enabling it in CR0/CR4, CPUID), then writes 0x10 to the isa-debug-exit port 0xf4, so QEMU
 * exits with status (0x10 << 1) | 1 = 33. Anything else (a KVM internal error pauses the VM) never
 * reaches the port.
 */
const amd64Code = [
  '9b db e3', // finit
  'd9 ee', // fldz
  'dd d8', // fstp st(0)
  '0f 20 c0', // mov eax, cr0
  '25 fb ff', // and ax, ~CR0.EM
  '0d 02 00', // or ax, CR0.MP
  '0f 22 c0', // mov cr0, eax
  '0f 20 e0', // mov eax, cr4
  '0d 00 06', // or ax, CR4.OSFXSR | CR4.OSXMMEXCPT
  '0f 22 e0', // mov cr4, eax
  '0f 57 c0', // xorps xmm0, xmm0
  '66 b8 01 00 00 00', // mov eax, 1
  '0f a2', // cpuid
  'b0 10', // mov al, 0x10
  'e6 f4', // out 0xf4, al
  'f4', // hlt
  'eb fd', // jmp back to hlt
];

/**
 * arm64: a flash image run at EL1 on `virt`. Enables FP/SIMD (CPACR_EL1.FPEN), runs two FP
 * instructions, then calls PSCI SYSTEM_OFF through `hvc`, so QEMU exits with status 0.
 */
const arm64Code = [
  0xd2a00601, // movz x1, #0x30, lsl #16   (CPACR_EL1.FPEN = 0b11)
  0xd5181041, // msr cpacr_el1, x1
  0xd5033fdf, // isb
  0x9e6703e0, // fmov d0, xzr
  0x1e602801, // fadd d1, d0, d0
  0xd2b08000, // movz x0, #0x8400, lsl #16
  0xf2800100, // movk x0, #0x8              (PSCI SYSTEM_OFF = 0x84000008)
  0xd4000002, // hvc #0
  0x14000000, // b .
];

/** The firmware image of the probe guest for `arch`. */
export function probeGuestImage(arch: GuestArch): Uint8Array {
  if (arch === 'arm64') {
    const image = new Uint8Array(arm64Code.length * 4);
    const view = new DataView(image.buffer);
    for (const [i, word] of arm64Code.entries()) view.setUint32(i * 4, word, true);
    return image;
  }
  const image = new Uint8Array(64 * 1024).fill(0xf4); // hlt everywhere else
  image.set(hexBytes(amd64Code.join(' ')), 0);
  image.set([0xe9, 0x0d, 0x00], 0xfff0); // reset vector: jmp near 0x0000
  return image;
}

/** The QEMU arguments that run the probe guest from `imagePath` under `accelerator`. */
export function probeGuestArgs(
  arch: GuestArch,
  accelerator: string,
  imagePath: string,
  smm = false,
): string[] {
  const common = ['-accel', accelerator, '-nodefaults', '-no-user-config', '-display', 'none', '-m', '32'];
  const cpu = accelerator === 'tcg' ? 'max' : 'host';
  if (arch === 'arm64') return ['-machine', 'virt', ...common, '-cpu', cpu, '-bios', imagePath];
  const machine = `q35,smm=${smm ? 'on' : 'off'}`;
  return [
    '-machine',
    machine,
    ...common,
    '-cpu',
    cpu,
    '-bios',
    imagePath,
    '-device',
    'isa-debug-exit,iobase=0xf4,iosize=1',
  ];
}

/** The exit status QEMU ends with when the probe guest ran to completion. */
export function probeGuestSuccessStatus(arch: GuestArch): number {
  return arch === 'arm64' ? 0 : 33;
}

function hexBytes(hex: string): number[] {
  return hex.split(' ').map((byte) => Number.parseInt(byte, 16));
}
