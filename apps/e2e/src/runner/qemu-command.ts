import { quotePosix } from '@winguest/shell';

/** An argv as one POSIX shell command line (each word single-quoted unless it is plainly safe). */
export function shellCommandLine(argv: readonly string[]): string {
  return argv.map((word) => quotePosix(word)).join(' ');
}

/** A process's argv from Linux `/proc/<pid>/cmdline` (NUL-separated). */
export function parseProcCmdline(content: string): string[] {
  return content.split('\0').filter((word, index, all) => word !== '' || index < all.length - 1);
}

/** The accelerator a QEMU argv asks for: `-accel kvm`, `-machine …,accel=hvf`, or QEMU's default, tcg. */
export function acceleratorOf(argv: readonly string[]): string {
  for (let i = 0; i < argv.length - 1; i++) {
    const option = argv[i];
    const value = argv[i + 1] as string;
    if (option === '-accel' || option === '--accel') return value.split(',')[0] as string;
    if (option === '-machine' || option === '-M') {
      const accel = /(?:^|,)accel=([a-z]+)/.exec(value);
      if (accel) return accel[1] as string;
    }
  }
  return argv.includes('-enable-kvm') ? 'kvm' : 'tcg';
}
