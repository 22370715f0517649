import { writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { RunnerFacts } from '@winguest/guest';
import type { CommandContext, CommandDefinition } from '../command';
import { configOptions } from '../config/config-options';
import { UsageError } from '../errors';
import { hostShareMode } from '../plan/host-share-mode';
import { prepareBuild, resolveTarget, type Target } from '../plan/prepare-build';
import { invalidGuest, readDeviceDrivers } from '../plan/read-device-drivers';
import { writeCidataIso } from '../plan/write-cidata';
import { callVm } from '../vm/call-vm';
import { duration } from '../vm/progress-renderer';
import { reportReady, runVm } from '../vm/run-vm';
import { waitForStopRequest } from '../vm/wait-for-stop';

/** `up`/`start` flags. */
export const bootOptions = {
  json: { type: 'boolean', description: 'NDJSON: one line per event, then a result or error line' },
  detach: { type: 'boolean', description: 'Return once the guest is ready and leave it running' },
} as const;

export const upCommand: CommandDefinition = {
  name: 'up',
  summary: 'Install (or boot) a guest and wait until SSH works',
  usage: [
    'up [name] [--iso windows.iso] [--config winguest.yaml] [--detach] [--json]',
    'up <name> --image <image> [--detach] [--json]',
    'up <name> --snapshot <snapshot> [--json]',
  ],
  description: [
    'Creates the instance (default name: winguest) under WINGUEST_HOME or the platform state dir,',
    'installs Windows from the ISO with the answer file and provisioning of `winguest build`, and',
    'follows it stage by stage (firmware, setup, applying-image, specialize, oobe, first-logon,',
    'provisioning) until an SSH login works; then the install media are ejected. An installed',
    'instance just boots. Without --detach it stays attached and Ctrl-C stops the guest; Ctrl-C',
    'during an install stops QEMU and leaves the instance resumable with `winguest up`.',
    'A generated password is stored in the instance folder as password.txt (0600).',
    'With --image a new instance is a clone of a stored image (`winguest image create`): a qcow2',
    "overlay on the image's disk, its own UEFI vars and an empty TPM. A generalized image's clone runs",
    'specialize and OOBE with a new answer file (new computer name and password); any other boots',
    'as a copy of its source.',
  ].join('\n'),
  options: {
    ...bootOptions,
    image: { type: 'string', valueName: 'image', description: 'Clone a stored image instead of installing' },
    snapshot: {
      type: 'string',
      valueName: 'snapshot',
      description: 'Resume the instance straight into a snapshot (see `winguest snapshot`)',
    },
    ...configOptions,
  },
  examples: [
    ['winguest up --iso Win11_24H2_English_x64.iso --detach', 'install and leave it running'],
    ['winguest up dev && winguest ssh dev', 'boot an installed instance, then log in'],
    ['winguest up ci-1 --image golden --detach', 'a clone of image golden, ready in seconds'],
    ['winguest up dev --snapshot clean', 'resume a stopped instance into its snapshot "clean"'],
    ['winguest up --iso win.iso --json | jq -c "select(.event == \\"stage\\")"', 'stages for scripts'],
  ],
  async run(context) {
    if (context.positionals.length > 1)
      throw new UsageError(`Expected at most one instance name, got ${context.positionals.length}`, 'up');
    const name = context.positionals[0] ?? 'winguest';
    if (typeof context.values.snapshot === 'string')
      return resumeSnapshot(context, name, context.values.snapshot);
    const target = await resolveTarget(context);
    // Drivers are checked before the instance is created; the cidata ISO reads them again.
    const shareMode = target.config.shares.length > 0 ? await hostShareMode(context) : undefined;
    const { drivers, issues } = await readDeviceDrivers(
      target.config,
      target.arch,
      context.cwd,
      true,
      shareMode,
    );
    await drivers?.close();
    if (issues.length > 0) throw invalidGuest(issues);
    const [vm, { planRunner }] = await Promise.all([import('@winguest/vm'), import('@winguest/guest')]);
    const image = typeof context.values.image === 'string' ? context.values.image : undefined;
    const planned = planRunner(target.config, {
      name,
      arch: target.arch,
      ...(target.media ? { windowsIso: target.media.path } : {}),
      paths: hostPaths(target, context.cwd),
      ...(shareMode ? { shareMode } : {}),
    });
    const options = image ? { ...planned, image } : planned;
    const result = await runVm(context, (run) => vm.up(options, run), {
      writeCidata: async ({ path, sshPublicKey }) => {
        const prepared = await prepareBuild(context, target, [sshPublicKey], shareMode ? { shareMode } : {});
        if (prepared.password.source === 'generated') {
          const file = join(dirname(path), 'password.txt');
          await writeFile(file, `${prepared.password.value}\n`, { mode: 0o600 });
          context.out.info(`generated a password for "${target.config.user.name}": ${file} (0600)`);
        }
        await writeCidataIso(prepared, path);
      },
    });
    reportReady(context, result);
    if (context.values.detach || result.alreadyRunning) return 0;
    return waitForStopRequest(context, name);
  },
};

/** `up NAME --snapshot S`: restore and report like `snapshot restore`; the guest keeps running. */
async function resumeSnapshot(context: CommandContext, name: string, snapshot: string): Promise<number> {
  const restored = await callVm((api) => api.restoreSnapshot({ name, snapshot }));
  if (context.values.json)
    context.out.line(
      // A `result` line of upJsonLineSchema: readers of `up --json` need nothing new.
      JSON.stringify({ type: 'result', ...restored, stages: [], totalMs: restored.durationMs }),
    );
  else
    context.out.line(
      `${context.out.bold(name)} ready in ${duration(restored.durationMs)} (snapshot ${snapshot})`,
    );
  return 0;
}

/** The config's host paths, resolved against the working directory. */
function hostPaths({ config }: Target, cwd: string): RunnerFacts['paths'] {
  const { kernel, bootIso } = config.vm;
  return {
    ...(bootIso ? { bootIso: resolve(cwd, bootIso) } : {}),
    ...(kernel ? { kernel: resolve(cwd, kernel.kernel) } : {}),
    ...(kernel?.initrd ? { initrd: resolve(cwd, kernel.initrd) } : {}),
    shares: config.shares.map((share) => resolve(cwd, share.hostPath)),
  };
}
