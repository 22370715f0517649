import { z } from 'zod';
import { checkIds } from '../checks/check-ids.ts';

/** Where a host file comes from: an environment variable naming it (checked first), else a path. */
export const mediaSourceSchema = z
  .object({
    /** Environment variable that holds the path, e.g. `WINGUEST_E2E_WIN11_ISO`. */
    env: z
      .string()
      .regex(/^[A-Z_][A-Z0-9_]*$/, 'must be an environment variable name (A-Z, 0-9, _)')
      .optional(),
    /** Path used when the variable is unset (relative to the working directory). */
    path: z.string().min(1).optional(),
  })
  .strict()
  .refine((source) => source.env !== undefined || source.path !== undefined, {
    message: 'needs `env` or `path`',
  });

/** One scenario: what to install, how, and what must be true inside the guest afterwards. */
export const scenarioSchema = z
  .object({
    /** Unique kebab-case name, used by `--scenario`, artifact folders and the CI matrix. */
    name: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9, -)'),
    /** One line for the report. */
    description: z.string().min(1),
    /** `windows`: a real install from media. `standin`: the Linux stand-in guest, which runs anywhere. */
    guest: z.enum(['windows', 'standin']),
    /** Windows release whose answer file and provisioning are rendered (the stand-in reads them too). */
    family: z.enum(['windows10', 'windows11', 'server2022', 'server2025']).default('windows11'),
    /** Guest architecture; Windows scenarios run only where it is the host's (they need the accelerator). */
    arch: z.enum(['amd64', 'arm64']).default('amd64'),
    /** Firmware of the guest. */
    firmware: z.enum(['uefi', 'bios']).default('uefi'),
    /** Image NAME on the media, e.g. "Windows 11 Enterprise Evaluation"; default: the CLI's. */
    edition: z.string().min(1).optional(),
    /** Host files: the install ISO, the virtio-win ISO, the OpenSSH MSI. */
    media: z
      .object({
        iso: mediaSourceSchema.optional(),
        drivers: mediaSourceSchema.optional(),
        opensshMsi: mediaSourceSchema.optional(),
        winfspMsi: mediaSourceSchema.optional(),
      })
      .strict()
      .default({}),
    /** How the guest is built. */
    options: z
      .object({
        /** TPM 2.0 through swtpm. */
        tpm: z.boolean().default(false),
        /** Secure Boot firmware. */
        secureBoot: z.boolean().default(false),
        /** Windows 11 hardware-check bypass; default: the CLI's (on unless TPM and Secure Boot). */
        bypassHardwareChecks: z.boolean().optional(),
        /** `virtio`: virtio-blk (amd64) + virtio-net with virtio-win's drivers in $WinPEDriver$; `compat`: in-box devices only (AHCI, e1000e). */
        devices: z.enum(['virtio', 'compat']).default('compat'),
        /** How sshd gets into the guest (the CLI's `ssh.strategy`). */
        openssh: z.enum(['auto', 'builtin', 'msi', 'capability']).default('auto'),
        /** A host folder shared into the guest (virtio-fs), seen there as this drive letter. */
        sharedFolder: z
          .object({
            driveLetter: z
              .string()
              .regex(/^[D-Z]$/, 'must be a drive letter D-Z')
              .default('Z'),
          })
          .strict()
          .optional(),
        /**
         * After the checks: `winguest image create` from the installed guest (`--generalize`: sysprep
         * first), then `count` clones (`up --image`) started in parallel, each timed to SSH and checked
         * ready; generalized clones must also differ in hostname and SSH host key.
         */
        clones: z
          .object({ count: z.int().min(1).max(8).default(3), generalize: z.boolean().default(true) })
          .strict()
          .optional(),
        cpus: z.int().min(1).max(64).default(2),
        memoryMiB: z.int().min(256).default(4096),
        diskGiB: z.int().min(1).default(64),
      })
      .strict()
      .default({
        tpm: false,
        secureBoot: false,
        devices: 'compat',
        openssh: 'auto',
        cpus: 2,
        memoryMiB: 4096,
        diskGiB: 64,
      }),
    /** What the config sets and the checks then expect to find in the guest. */
    expect: z
      .object({
        computerName: z.string().regex(/^[A-Za-z0-9-]{1,15}$/, 'must be 1-15 letters, digits, hyphens'),
        /** The account the CLI creates and SSH logs in as. */
        user: z.string().min(1),
        /** A group the user must belong to: a Windows SID (S-1-5-32-544 is Administrators) or a Linux group. */
        group: z.string().min(1),
        /** Windows time zone ID (or, for the stand-in, the `date +%Z` abbreviation). */
        timeZone: z.string().min(1).default('UTC'),
        /** UI language and locale, e.g. en-US. */
        locale: z.string().min(2).default('en-US'),
      })
      .strict(),
    /** The checks run in the guest over `winguest ssh`, in this order. */
    checks: z.array(z.enum(checkIds)).min(1),
  })
  .strict()
  .superRefine((scenario, context) => {
    if (scenario.guest === 'windows' && !scenario.media.iso) {
      context.addIssue({
        code: 'custom',
        path: ['media', 'iso'],
        message: 'a Windows scenario needs its install ISO',
      });
    }
    if (scenario.options.openssh === 'msi' && !scenario.media.opensshMsi) {
      context.addIssue({
        code: 'custom',
        path: ['media', 'opensshMsi'],
        message: 'openssh "msi" needs the MSI',
      });
    }
    if (scenario.options.devices === 'virtio' && !scenario.media.drivers) {
      context.addIssue({
        code: 'custom',
        path: ['media', 'drivers'],
        message: 'devices "virtio" needs the virtio-win ISO',
      });
    }
    if (scenario.guest === 'windows' && scenario.options.sharedFolder)
      for (const key of ['winfspMsi', 'drivers'] as const)
        if (!scenario.media[key])
          context.addIssue({
            code: 'custom',
            path: ['media', key],
            message: `a Windows shared folder (virtio-fs) needs ${key === 'drivers' ? "virtio-win's viofs" : 'WinFsp'}`,
          });
    if (scenario.checks.includes('shared-folder') && !scenario.options.sharedFolder) {
      context.addIssue({
        code: 'custom',
        path: ['checks'],
        message: '"shared-folder" needs options.sharedFolder',
      });
    }
  });

/** A scenario as written in `scenarios.ts`. */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** A scenario with every default filled in. */
export type Scenario = z.output<typeof scenarioSchema>;
