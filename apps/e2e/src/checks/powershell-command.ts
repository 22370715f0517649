/**
 * Wraps a PowerShell script as one command line that survives any default SSH shell (cmd,
 * powershell, pwsh): `-EncodedCommand` takes base64 of the UTF-16LE script, so no quoting is needed.
 * Progress records are silenced (they would arrive as CLIXML on stderr) and output is UTF-8.
 */
export function powershellCommand(script: string): string {
  const prelude =
    "$ProgressPreference = 'SilentlyContinue'; $ErrorActionPreference = 'Stop'; [Console]::OutputEncoding = [Text.Encoding]::UTF8\n";
  const encoded = Buffer.from(prelude + script, 'utf16le').toString('base64');
  return `powershell.exe -NoLogo -NoProfile -NonInteractive -ExecutionPolicy Bypass -EncodedCommand ${encoded}`;
}
