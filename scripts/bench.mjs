// `pnpm bench`: runs every package's benchmark (turbo task `bench`, one at a time so they do not
// compete for the CPU), collects the rows they report, prints one table of figures and ratios against
// the peers measured in the same run, with the machine and tool versions, and writes it all as JSON
// (bench-results/<time>.json, or --json <path>). Benchmarks report; nothing here asserts.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';

const root = join(import.meta.dirname, '..');
const jsonFlag = process.argv.indexOf('--json');
// `--filter <package>` (repeatable) runs only those packages' benches, as turbo's own flag does.
const filters = process.argv.flatMap((arg, i) =>
  arg === '--filter' && process.argv[i + 1] ? [`--filter=${process.argv[i + 1]}`] : [],
);
const started = new Date();
const jsonPath =
  jsonFlag > 0
    ? resolve(process.argv[jsonFlag + 1] ?? '')
    : join(root, 'bench-results', `${started.toISOString().replace(/[:.]/g, '-')}.json`);

/** First line a tool prints about its version, or why there is none. */
function version(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 10_000 });
  if (result.error) return `not installed (${result.error.code ?? result.error.message})`;
  const text = `${result.stdout}\n${result.stderr}`.split('\n').find((line) => line.trim() !== '');
  return text?.trim() ?? 'unknown';
}

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  kernel: `${process.platform} ${release()}`,
  loadAtStart: loadavg().map((l) => Number(l.toFixed(2))),
};
const versions = {
  node: process.version,
  genisoimage: version('genisoimage', ['-version']),
  xorriso: version('xorriso', ['-version']),
  wiminfo: version('wiminfo', ['--version']),
  ssh: version('ssh', ['-V']),
};

const work = mkdtempSync(join(tmpdir(), 'winguest-bench-'));
const rowsFile = join(work, 'rows.jsonl');
writeFileSync(rowsFile, '');
let exitCode = 0;
try {
  const turbo = spawnSync(
    'pnpm',
    ['exec', 'turbo', 'run', 'bench', '--concurrency=1', '--continue', '--output-logs=full', ...filters],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, WINGUEST_BENCH_ROWS: rowsFile },
    },
  );
  exitCode = turbo.status ?? 1;
  const rows = readFileSync(rowsFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
  rows.push(sshRoundTrip());
  printTable(rows);
  mkdirSync(join(jsonPath, '..'), { recursive: true });
  const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  const finished = { ...machine, loadAtEnd: loadavg().map((l) => Number(l.toFixed(2))) };
  writeFileSync(
    jsonPath,
    `${JSON.stringify({ date: started.toISOString(), commit, machine: finished, versions, rows }, null, 2)}\n`,
  );
  console.log(`\nwritten: ${jsonPath}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exitCode = exitCode;

/**
 * OpenSSH's `ssh` running `exit 0` on a running guest (its own handshake each time), median of 7.
 * WINGUEST_BENCH_SSH names the guest as `user@host:port` (key auth through the agent or ~/.ssh).
 */
function sshRoundTrip() {
  const row = {
    group: 'ssh',
    subject: 'command round trip (`exit 0`) to a running guest',
    metric: 'wall',
    unit: 'ms',
  };
  const target = process.env.WINGUEST_BENCH_SSH;
  if (!target) {
    return {
      ...row,
      skipped:
        'no guest given (WINGUEST_BENCH_SSH=user@host:port); the cli bench measures OpenSSH against winguest ssh on its own stand-in',
    };
  }
  const [login, port = '22'] = target.split(/:(?=\d+$)/);
  const argv = [
    '-p',
    port,
    '-o',
    'BatchMode=yes',
    '-o',
    'StrictHostKeyChecking=no',
    '-o',
    'UserKnownHostsFile=/dev/null',
    '-o',
    'LogLevel=ERROR',
    login,
    'exit 0',
  ];
  const samples = [];
  for (let i = 0; i < 7; i++) {
    const start = performance.now();
    const result = spawnSync('ssh', argv, { stdio: 'ignore', timeout: 30_000 });
    if (result.status !== 0)
      return { ...row, skipped: `ssh ${login} -p ${port} exited ${result.status ?? result.error?.message}` };
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { ...row, subject: `${row.subject}: OpenSSH ssh, own handshake`, value: samples[3] };
}

/** Formats a figure with its unit; ratios are ours ÷ the peer's (below 1 means we are faster). */
function figure(value, unit) {
  if (value === undefined || value === null) return '—';
  const digits = unit === 'MiB' ? 1 : value < 10 ? 3 : 1;
  return `${value.toFixed(digits)} ${unit}`;
}

/** The row's target, and whether this run met it when the bench says (`met`), with its reason (`why`) if not. */
function verdict(row) {
  if (!row.target) return '';
  if (row.met === undefined) return row.target;
  return `${row.target}: ${row.met ? 'met' : `missed${row.why ? ` (${row.why})` : ''}`}`;
}

function printTable(rows) {
  console.log(`\nwinguest benchmarks, ${started.toISOString()}`);
  console.log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.kernel}`);
  console.log(
    `load: ${machine.loadAtStart.join(' ')} at start, ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} at end`,
  );
  console.log(
    `versions: ${Object.entries(versions)
      .map(([k, v]) => `${k} ${v}`)
      .join(' | ')}`,
  );
  console.log('ratios are ours ÷ peer, measured in this run (< 1: faster/smaller than the peer)\n');
  const lines = [['benchmark', 'figure', 'ours', 'peer', 'peer figure', 'ratio', 'target']];
  for (const row of rows) {
    const peers = row.peers?.length ? row.peers : [undefined];
    for (const [i, peer] of peers.entries()) {
      lines.push([
        i === 0 ? `${row.group}: ${row.subject}` : '',
        i === 0 ? row.metric : '',
        i === 0 ? (row.skipped ? `skipped: ${row.skipped}` : figure(row.value, row.unit)) : '',
        peer?.name ?? '',
        peer ? figure(peer.value, row.unit) : '',
        peer && row.value !== undefined ? (row.value / peer.value).toFixed(2) : '',
        i === 0 ? verdict(row) : '',
      ]);
    }
  }
  const widths = lines[0].map((_, c) => Math.max(...lines.map((l) => (l[c].length > 80 ? 0 : l[c].length))));
  for (const line of lines)
    console.log(
      line
        .map((cell, c) => cell.padEnd(widths[c]))
        .join('  ')
        .trimEnd(),
    );
}
