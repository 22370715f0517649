import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderCommandFile } from '@winguest/qemu-args';
import { checkIds } from '../checks/check-ids.ts';
import { checkCommand } from '../checks/checks.ts';
import { scenarioInputs } from '../scenario/scenarios.ts';
import { parseScenarios } from '../scenario/select-scenarios.ts';

/** One PowerShell source to hand to PowerShell's own parser, with where it comes from. */
export interface PowerShellSource {
  /** File name to write it under (`.ps1`). */
  file: string;
  text: string;
}

/**
 * Every e2e check script a Windows guest runs, for every Windows scenario (a password with quotes
 * in it, since one check embeds it) and every shared-folder variant: exactly what `winguest ssh`
 * runs, decoded from its `-EncodedCommand` (the harness's prelude included).
 */
export function e2eCheckSources(): PowerShellSource[] {
  const windows = parseScenarios(scenarioInputs).filter((scenario) => scenario.guest === 'windows');
  const sources: PowerShellSource[] = [];
  for (const scenario of windows) {
    const shared = { ...scenario, options: { ...scenario.options, sharedFolder: { driveLetter: 'Y' } } };
    for (const id of checkIds) {
      const command = checkCommand(id, { scenario: shared, password: 'pa\'ss"wo`rd$x' });
      const encoded = command?.split(' ').at(-1);
      if (encoded === undefined) continue;
      const script = Buffer.from(encoded, 'base64').toString('utf16le');
      sources.push({ file: `e2e-${scenario.name}-${id}.ps1`, text: `\uFEFF${script}\n` });
    }
  }
  return sources;
}

/**
 * The PowerShell the CLI sends to a guest as `powershell … -Command "<script>"` string literals in its
 * source (`winguest logs --provision`, …): found in every non-test `.ts` file under `sourceDir`, so a
 * new one is parsed too without being listed here.
 */
export function cliCommandSources(sourceDir: string): PowerShellSource[] {
  const sources: PowerShellSource[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
        const text = readFileSync(path, 'utf8');
        for (const match of text.matchAll(/'powershell(?:\.exe)? [^'\n]*-Command "((?:[^"'\n\\]|\\.)*)"'/g)) {
          const script = (match[1] ?? '').replace(/\\\\/g, '\\');
          sources.push({
            file: `cli-${entry.name.replace(/\.ts$/, '')}-${sources.length + 1}.ps1`,
            text: `${script}\n`,
          });
        }
      }
    }
  };
  visit(sourceDir);
  return sources;
}

/**
 * The `qemu.ps1` command files `winguest build` writes on Windows, for UEFI, BIOS, Secure Boot + TPM
 * and arm64, with a built-in ISO whose path has a space, a comma and a quote.
 */
export function commandFileSources(): PowerShellSource[] {
  const profiles = {
    uefi: { arch: 'amd64', firmware: 'uefi' },
    bios: { arch: 'amd64', firmware: 'bios' },
    'secureboot-tpm': { arch: 'amd64', firmware: 'uefi', secureBoot: true, tpm: true },
    arm64: { arch: 'arm64', firmware: 'uefi' },
  } as const;
  return Object.entries(profiles).map(([name, profile]) => {
    const file = renderCommandFile({
      shell: 'powershell',
      spec: {
        ...profile,
        disk: { path: 'disk.qcow2' },
        media: { windows: "C:\\ISOs\\Win 11, it's.iso", cidata: 'cidata.iso' },
      },
      host: {
        binary: `C:\\Program Files\\qemu\\qemu-system-${profile.arch === 'arm64' ? 'aarch64' : 'x86_64'}.exe`,
        accelerator: 'tcg',
        ...(profile.firmware === 'uefi'
          ? {
              firmware: {
                code: 'C:\\qemu\\code.fd',
                varsTemplate: 'C:\\qemu\\vars.fd',
                features: 'secureBoot' in profile ? ['secure-boot', 'enrolled-keys', 'requires-smm'] : [],
              },
              varsPath: 'vars.qcow2',
              varsFormat: 'qcow2' as const,
            }
          : {}),
        qmp: { host: '127.0.0.1', port: 4444 },
        ...('tpm' in profile ? { tpmSocket: 'tpm.sock' } : {}),
      },
      diskSizeGiB: 64,
    });
    return { file: `qemu-${name}.ps1`, text: file.text };
  });
}
