import type { Accelerator, AcceleratorChoice } from './accelerator';

/** What the guest asks for: `auto` or one accelerator, and whether its firmware enforces Secure Boot. */
export interface AcceleratorRequest {
  accelerator: 'auto' | Accelerator;
  secureBoot: boolean;
}

/** The accelerator to run with, notes on why, and the problem when the requested one cannot work. */
export interface AcceleratorDecision {
  accelerator: Accelerator;
  notes: string[];
  /** Set when a specific accelerator was requested and does not work here; TCG is chosen. */
  problem?: string;
}

/**
 * Decides the accelerator of one guest from the probe's verdict for the guest's architecture
 * (`probeAccelerator`): a guest of another architecture than the host CPU, or a host whose
 * accelerator failed its test guest, runs under TCG; a requested accelerator that does not work is
 * a problem (never passed on to QEMU); Secure Boot firmware needs SMM, so without it TCG is used.
 */
export function chooseAccelerator(
  request: AcceleratorRequest,
  choice: AcceleratorChoice,
): AcceleratorDecision {
  if (request.accelerator === 'tcg') return { accelerator: 'tcg', notes: [] };
  if (request.accelerator !== 'auto' && request.accelerator !== choice.accelerator) {
    const why = choice.reason ?? `${choice.accelerator} is what works here`;
    return {
      accelerator: 'tcg',
      notes: [`using TCG (slow): ${request.accelerator} does not work here`],
      problem: `${request.accelerator} was asked for but does not work: ${why}. Use accelerator "auto" or "tcg".`,
    };
  }
  if (choice.reason) return { accelerator: 'tcg', notes: [`using TCG (slow): ${choice.reason}`] };
  if (request.secureBoot && choice.accelerator !== 'tcg' && !choice.smm) {
    const note = `Secure Boot firmware needs SMM, which ${choice.accelerator} lacks here; using TCG instead`;
    return { accelerator: 'tcg', notes: [note] };
  }
  return { accelerator: choice.accelerator, notes: [] };
}
