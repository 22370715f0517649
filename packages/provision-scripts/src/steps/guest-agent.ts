import * as z from 'zod';
import { mediaFileSchema, mediaPathSchema } from '../common-schemas';
import { ps } from '../powershell-code';
import type { RenderedStep } from './rendered-step';

/** Options of the `guest-agent` step. */
export const guestAgentStepSchema = z
  .object({
    /**
     * The QEMU guest agent MSI on the media (virtio-win's `guest-agent/qemu-ga-x86_64.msi`, copied
     * to the provisioning folder), verified by SHA-256 before msiexec runs it, like OpenSSH's.
     */
    msi: mediaFileSchema,
    /**
     * The VirtIO serial driver's .inf on the media. Not needed when vioserial was staged under
     * `$WinPEDriver$` (Setup installed it); give it for media without it.
     */
    serialDriverInf: mediaPathSchema.optional(),
  })
  .strict();

/** The input of the `guest-agent` step. */
export type GuestAgentStepOptions = z.input<typeof guestAgentStepSchema>;

/** Renders the `guest-agent` step. */
export function renderGuestAgentStep(options: z.output<typeof guestAgentStepSchema>): RenderedStep {
  const driver = options.serialDriverInf
    ? ps`Install-WinguestDriver -InfPath (Get-WinguestMediaPath -RelativePath ${options.serialDriverInf})`
    : ps``;
  const body = ps`${driver}
if ($null -eq (Get-Service -Name 'QEMU-GA' -ErrorAction SilentlyContinue)) {
    Install-WinguestMsi -Path (Get-WinguestMediaPath -RelativePath ${options.msi.path}) -ExpectedHash ${options.msi.sha256}
}
Set-WinguestServiceRunning -Name 'QEMU-GA' -Hint 'Is a virtserialport named org.qemu.guest_agent.0 attached?'`;
  return { name: 'guest-agent', body };
}
