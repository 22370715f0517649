import { writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { RunnerFacts } from '@winguest/guest';
import type { CommandDefinition } from '../command';
import { configOptions } from '../config/config-options';
import { UsageError } from '../errors';
import { hostShareMode } from '../plan/host-share-mode';
import { prepareBuild, resolveTarget, type Target } from '../plan/prepare-build';
import { invalidGuest, readDeviceDrivers } from '../plan/read-device-drivers';
import { writeCidataIso } from '../plan/write-cidata';
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
  usage: ['up [name] [--iso windows.iso] [--config winguest.yaml] [--detach] [--json]'],
  description: [
    'Creates the instance (default name: winguest) under WINGUEST_HOME or the platform state dir,',
    'installs Windows from the ISO with the answer file and provisioning of `winguest build`, and',
    'follows it stage by stage (firmware, setup, applying-image, specialize, oobe, first-logon,',
    'provisioning) until an SSH login works; then the install media are ejected. An installed',
    'instance just boots. Without --detach it stays attached and Ctrl-C stops the guest; Ctrl-C',
    'during an install stops QEMU and leaves the instance resumable with `winguest up`.',
    'A generated password is stored in the instance folder as password.txt (0600).',
  ].join('\n'),
  options: { ...bootOptions, ...configOptions },
  examples: [
    ['winguest up --iso Win11_24H2_English_x64.iso --detach', 'install and leave it running'],
    ['winguest up dev && winguest ssh dev', 'boot an installed instance, then log in'],
    ['winguest up --iso win.iso --json | jq -c "select(.event == \\"stage\\")"', 'stages for scripts'],
  ],
  async run(context) {
    if (context.positionals.length > 1)
      throw new UsageError(`Expected at most one instance name, got ${context.positionals.length}`, 'up');
    const name = context.positionals[0] ?? 'winguest';
    const target = await resolveTarget(context);
    // Drivers are checked before the instance is created; the cidata ISO reads them again.
    const { drivers, issues } = await readDeviceDrivers(target.config, target.arch, context.cwd, true);
    await drivers?.close();
    if (issues.length > 0) throw invalidGuest(issues);
    const [vm, { planRunner }] = await Promise.all([import('@winguest/vm'), import('@winguest/guest')]);
    const options = planRunner(target.config, {
      name,
      arch: target.arch,
      ...(target.media ? { windowsIso: target.media.path } : {}),
      paths: hostPaths(target, context.cwd),
      ...(target.config.shares.length > 0 ? { shareMode: await hostShareMode(context) } : {}),
    });
    const result = await runVm(context, (run) => vm.up(options, run), {
      writeCidata: async ({ path, sshPublicKey }) => {
        const prepared = await prepareBuild(context, target, [sshPublicKey]);
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
