import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeIso } from '@winguest/cidata-iso';
import { renderLauncher } from '@winguest/provision-scripts';
import { roundTripCommand, roundTripProblems } from './windows-ci/format-command-round-trip.ts';
import { cliCommandSources, commandFileSources, e2eCheckSources } from './windows-ci/powershell-sources.ts';
import { progressProblems } from './windows-ci/progress-verdict.ts';
import { type CiCase, ciCases, ciExpectation, ciMedia, ciScriptName } from './windows-ci/provision-cases.ts';
import { writeMediaFolder } from './windows-ci/write-media-folder.ts';

// The Node half of the Windows CI job (.github/workflows/windows-provision.yml):
//   windows-ci media <case> <folder> --strategy … --port … --user … --public-key <file> [--msi <file> --sha256 <hex>] [--winfsp <file> --winfsp-sha256 <hex>]
//     writes the media folder for a case and <folder>.iso of the same layout, and prints the
//     FirstLogonCommands line Setup would run;
//   windows-ci progress <case> <run> <stdout-file> <log-file>
//     checks the protocol lines of one run with parseProgressLine; exit 1 listing every problem;
//   windows-ci powershell <dir> <cli-src>
//     writes every e2e Windows check script and the CLI's PowerShell commands for PowerShell's parser;
//   windows-ci round-trip <dir>
//     formatCommand lines for cmd and powershell, run by the real cmd.exe and pwsh: same argv back?
const usage =
  'usage: windows-ci media <case> <folder> --strategy msi|capability|builtin --port N --user NAME --public-key FILE [--msi FILE --sha256 HEX] [--winfsp FILE --winfsp-sha256 HEX]\n' +
  '       windows-ci progress <case> 1|2 <stdout-file> <log-file>';

function caseOf(name: string | undefined): CiCase {
  if (!ciCases.includes(name as CiCase))
    throw new Error(`unknown case "${name}"; known: ${ciCases.join(', ')}\n${usage}`);
  return name as CiCase;
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      strategy: { type: 'string' },
      port: { type: 'string' },
      user: { type: 'string' },
      'public-key': { type: 'string' },
      msi: { type: 'string' },
      sha256: { type: 'string' },
      winfsp: { type: 'string' },
      'winfsp-sha256': { type: 'string' },
    },
  });
  const [command, kind, ...rest] = positionals;
  if (command === 'media' && rest[0]) {
    const strategy = values.strategy;
    if (strategy !== 'msi' && strategy !== 'capability' && strategy !== 'builtin') throw new Error(usage);
    const { layout } = ciMedia(caseOf(kind), {
      strategy,
      port: Number(values.port ?? 'NaN'),
      user: values.user ?? '',
      publicKey: readFileSync(values['public-key'] ?? '', 'utf8').trim(),
      msi: values.msi ? { path: values.msi, sha256: values.sha256 ?? '' } : undefined,
      winfsp: values.winfsp ? { path: values.winfsp, sha256: values['winfsp-sha256'] ?? '' } : undefined,
    });
    const written = await writeMediaFolder(layout, rest[0]);
    // The same layout as an ISO: the job mounts it, so the media is a real CD-ROM drive, as in a VM.
    const iso = await writeIso(layout, `${rest[0]}.iso`);
    console.error(`wrote ${written.join(', ')} under ${rest[0]}, and ${iso.path} (${iso.size} bytes)`);
    console.log(renderLauncher({ script: ciScriptName }));
    return 0;
  }
  if (command === 'progress' && rest.length === 3 && (rest[0] === '1' || rest[0] === '2')) {
    const [runNumber, stdoutFile, logFile] = rest as [string, string, string];
    const problems = progressProblems(
      readFileSync(stdoutFile, 'utf8'),
      readFileSync(logFile, 'utf8'),
      ciExpectation(caseOf(kind), runNumber === '1' ? 1 : 2),
    );
    for (const problem of problems) console.log(`::error::${kind} run ${runNumber}: ${problem}`);
    if (problems.length === 0) console.log(`${kind} run ${runNumber}: the progress lines are as expected`);
    return problems.length === 0 ? 0 : 1;
  }
  if (command === 'powershell' && kind && rest[0]) {
    mkdirSync(kind, { recursive: true });
    const sources = [...e2eCheckSources(), ...cliCommandSources(rest[0]), ...commandFileSources()];
    for (const source of sources) writeFileSync(join(kind, source.file), source.text, 'utf8');
    console.log(
      `wrote ${sources.length} PowerShell sources to ${kind}: ${sources.map((s) => s.file).join(', ')}`,
    );
    return 0;
  }
  if (command === 'round-trip' && kind) return roundTrip(kind);
  throw new Error(usage);
}

/** Runs formatCommand's lines through the real cmd.exe and pwsh; a program prints the argv it got. */
function roundTrip(dir: string): number {
  mkdirSync(dir, { recursive: true });
  const echo = join(dir, 'print argv.cjs');
  // ASCII-only JSON: no console code page between the program and us can change a character.
  writeFileSync(
    echo,
    "process.stdout.write(JSON.stringify(process.argv.slice(2)).replace(/[\\u007f-\\uffff]/g, (c) => '\\\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')));\n",
  );
  const program = [process.execPath, echo];
  const cmdLine = roundTripCommand('cmd', program);
  // /s with outer quotes: cmd.exe runs the line exactly as given, as at its prompt.
  const cmd = spawnSync('cmd.exe', ['/d', '/s', '/c', `"${cmdLine}"`], {
    windowsVerbatimArguments: true,
    encoding: 'utf8',
  });
  const pwshLine = roundTripCommand('powershell', program);
  const pwsh = spawnSync(
    'pwsh',
    ['-NoProfile', '-NonInteractive', '-EncodedCommand', Buffer.from(pwshLine, 'utf16le').toString('base64')],
    { encoding: 'utf8' },
  );
  const problems = [
    ...roundTripProblems('cmd', cmd.stdout ?? `${cmd.error}`),
    ...roundTripProblems('powershell', pwsh.stdout ?? `${pwsh.error}`),
  ];
  for (const problem of problems) console.log(`::error::${problem}`);
  console.log(`cmd.exe: ${cmdLine}\npwsh: ${pwshLine}`);
  if (problems.length === 0)
    console.log('formatCommand: cmd.exe and pwsh gave back every argument unchanged');
  return problems.length === 0 ? 0 : 1;
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`windows-ci: ${(error as Error).message}`);
    process.exit(2);
  },
);
