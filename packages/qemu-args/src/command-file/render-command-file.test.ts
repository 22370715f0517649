import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { quotePowerShell } from '@winguest/shell';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { describe, expect, test } from 'vitest';
import { type CommandFileInput, renderCommandFile } from '../index';

const input = (shell: 'posix' | 'powershell', tpm = true): CommandFileInput => ({
  shell,
  spec: {
    arch: 'amd64',
    firmware: 'uefi',
    tpm,
    disk: { path: 'disk.qcow2' },
    media: { windows: "C:\\ISOs\\Win 11, it's.iso", cidata: 'cidata.iso' },
  },
  host: {
    binary: 'qemu-system-x86_64',
    accelerator: 'tcg',
    firmware: { code: '/usr/share/OVMF/OVMF_CODE_4M.fd', varsTemplate: '/usr/share/OVMF/OVMF_VARS_4M.fd' },
    varsPath: 'vars.qcow2',
    varsFormat: 'qcow2',
    qmp: { path: 'qmp.sock' },
    ...(tpm ? { tpmSocket: 'tpm.sock' } : {}),
  },
  diskSizeGiB: 64,
});

describe('renderCommandFile', () => {
  test('qemu.ps1 takes the ISO as a parameter (the built-in one by default), starts swtpm and stops it after QEMU', () => {
    const { name, text } = renderCommandFile(input('powershell'));
    expect(name).toBe('qemu.ps1');
    expect(text).toContain("[string]$WindowsIso = 'C:\\ISOs\\Win 11, it''s.iso'");
    expect(text).toContain('$Swtpm = Start-Process -FilePath swtpm');
    expect(text).toContain('$env:TPM_PATH = $TpmState');
    expect(text).toMatch(/finally \{\n\s+if \(-not \$Swtpm\.HasExited\) \{ Stop-Process/);
    expect(text).toContain('@Rest');
    expect(text).toContain("-drive ('if=none,id=cd-windows,media=cdrom,readonly=on,file=' + $Iso)");
  });

  test('qemu.sh: swtpm gets an absolute state path and is stopped with QEMU; the ISO is the first argument', () => {
    const { name, text, argv } = renderCommandFile(input('posix'));
    expect(name).toBe('qemu.sh');
    expect(text).toContain(`windows_iso=\${1:-'C:\\ISOs\\Win 11, it'\\''s.iso'}`);
    expect(text).toContain('TPM_PATH="$here"/tpm swtpm socket --tpm2');
    expect(text).not.toContain('--daemon');
    expect(text).toContain(`trap 'for pid in $pids; do kill "$pid" 2>/dev/null || true; done' EXIT`);
    expect(text).toContain('-drive if=none,id=cd-windows,media=cdrom,readonly=on,file="$iso"');
    expect(text.trimEnd().endsWith('"$@"')).toBe(true);
    expect(argv.some((arg) => arg.includes("Win 11,, it's.iso"))).toBe(true);
  });

  test('both scripts convert the vars template to qcow2 once, and QEMU opens the pflash as qcow2', () => {
    const sh = renderCommandFile(input('posix', false));
    expect(sh.text).toContain(
      '[ -f vars.qcow2 ] || qemu-img convert -q -f raw -O qcow2 /usr/share/OVMF/OVMF_VARS_4M.fd vars.qcow2',
    );
    expect(sh.argv).toContain('if=pflash,format=qcow2,unit=1,file=vars.qcow2');
    expect(renderCommandFile(input('powershell', false)).text).toContain(
      "if (-not (Test-Path -LiteralPath 'vars.qcow2')) { & qemu-img convert -q -f raw -O qcow2 '/usr/share/OVMF/OVMF_VARS_4M.fd' 'vars.qcow2' }",
    );
    const raw = renderCommandFile({
      ...input('posix', false),
      host: { ...input('posix', false).host, varsPath: 'vars.fd', varsFormat: undefined },
    });
    expect(raw.text).toContain('[ -f vars.fd ] || cp /usr/share/OVMF/OVMF_VARS_4M.fd vars.fd');
    expect(raw.argv).toContain('if=pflash,format=raw,unit=1,file=vars.fd');
  });

  test('without a TPM QEMU replaces the shell; output is deterministic', () => {
    const first = renderCommandFile(input('posix', false));
    expect(first.text).not.toContain('swtpm');
    expect(first.text).toMatch(/\nexec qemu-system-x86_64/);
    expect(renderCommandFile(input('posix', false))).toEqual(first);
  });
});

// PowerShell's parser runs in the Windows CI job (Debian has no pwsh package); elsewhere this is skipped.
describe.runIf(process.platform === 'win32')('qemu.ps1 and PowerShell', () => {
  const tools =
    process.platform === 'win32'
      ? requireHostTools([{ command: 'pwsh', debian: 'powershell' }])
      : { available: false };
  test.skipIf(!tools.available)("PowerShell's own parser accepts qemu.ps1", () => {
    const dir = mkdtempSync(join(tmpdir(), 'winguest ps1, '));
    try {
      const path = join(dir, 'qemu.ps1');
      writeFileSync(path, renderCommandFile(input('powershell')).text);
      const check = `$e = $null; $null = [System.Management.Automation.Language.Parser]::ParseFile(${quotePowerShell(path)}, [ref]$null, [ref]$e); $e.Count`;
      expect(execFileSync('pwsh', ['-NoProfile', '-Command', check], { encoding: 'utf8' }).trim()).toBe('0');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
