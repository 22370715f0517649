/** What the host has, as `os.availableParallelism()` and `os.freemem()` report it. */
export interface HostCapacity {
  cpus: number;
  /** Memory available for new guests, MiB. */
  freeMemoryMiB: number;
}

/** What one scenario's guest takes. */
export interface GuestSize {
  cpus: number;
  memoryMiB: number;
}

/** Memory QEMU itself, swtpm and the harness take per guest beyond the guest's RAM, MiB. */
export const perGuestOverheadMiB = 512;
/** Memory left to the host and everything else, MiB. */
export const hostReserveMiB = 1024;

/**
 * How many scenarios may run at once: as many of the largest guest as fit into the host's CPUs
 * (one vCPU per host CPU, no overcommit: installs are CPU-bound and time-outs must stay honest)
 * and into its free memory, at least one, at most `requested` when given.
 */
export function concurrencyLimit(
  host: HostCapacity,
  guests: readonly GuestSize[],
  requested?: number,
): number {
  if (guests.length === 0) return 1;
  const cpus = Math.max(...guests.map((g) => g.cpus));
  const memory = Math.max(...guests.map((g) => g.memoryMiB)) + perGuestOverheadMiB;
  const byCpu = Math.floor(host.cpus / cpus);
  const byMemory = Math.floor((host.freeMemoryMiB - hostReserveMiB) / memory);
  const fit = Math.max(1, Math.min(byCpu, byMemory, guests.length));
  return requested === undefined ? fit : Math.max(1, Math.min(requested, guests.length));
}
