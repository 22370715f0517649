import { join, relative, resolve } from 'node:path';
import type { CommandContext } from '../command';
import { UsageError } from '../errors';
import { writeBuildFolder } from '../io/build-folder';
import type { OutputFile } from '../io/write-outputs';
import { prepareBuild, resolveTarget } from '../plan/prepare-build';
import { refuseKubeVirtShares } from './export-shares';
import { renderOrExplain } from './render-or-explain';
import { sysprepFiles } from './sysprep-files';

const command = 'export kubevirt';

/** `namespace/name` of a PVC flag. */
function pvcRef(context: CommandContext, flag: string): { namespace: string; name: string } | undefined {
  const given = context.values[flag];
  if (given === undefined) return undefined;
  const match = typeof given === 'string' ? /^([^/\s]+)\/([^/\s]+)$/.exec(given) : null;
  if (!match?.[1] || !match[2])
    throw new UsageError(`--${flag} ${JSON.stringify(given)} is not namespace/name`, command);
  return { namespace: match[1], name: match[2] };
}

const text = (context: CommandContext, flag: string) =>
  typeof context.values[flag] === 'string' ? (context.values[flag] as string) : undefined;

/**
 * `winguest export kubevirt`: kubevirt.yaml (sysprep Secret, install-ISO DataVolume, VirtualMachine)
 * from the same description and planners as `build`.
 */
export async function exportKubeVirt(context: CommandContext): Promise<number> {
  const { values, cwd, out } = context;
  const isoUrl = text(context, 'iso-url');
  const isoPvc = pvcRef(context, 'iso-pvc');
  const clone = pvcRef(context, 'clone');
  if ([isoUrl, isoPvc, clone].filter(Boolean).length !== 1)
    throw new UsageError('Give exactly one of --iso-url, --iso-pvc or --clone', command);
  const dir = resolve(cwd, typeof values.out === 'string' ? values.out : 'winguest-kubevirt');
  // Drivers come from KubeVirt's virtio-win container disk: the driver media are not read.
  const target = await resolveTarget(context);
  refuseKubeVirtShares(target.config);
  const prepared = await prepareBuild(context, target, [], { withDrivers: false });
  const { config, arch } = prepared;
  const [{ planVmSpec, mediaFileNames }, { renderKubeVirt }] = await Promise.all([
    import('@winguest/guest'),
    import('@winguest/export'),
  ]);
  const spec = planVmSpec(config, arch, {
    disk: 'rootdisk',
    cidata: 'sysprep',
    ...(clone ? {} : { windowsIso: 'install-iso' }),
  });
  const sysprep = sysprepFiles(prepared.plan);
  const yaml = await renderOrExplain('KubeVirt', () =>
    renderKubeVirt(spec, {
      ...(text(context, 'namespace') ? { namespace: text(context, 'namespace') } : {}),
      sysprep: { answerFile: prepared.plan.answerFile, files: sysprep.files },
      ...(isoUrl ? { installIso: { url: isoUrl } } : isoPvc ? { installIso: { pvc: isoPvc } } : {}),
      disk: {
        size: `${config.vm.disk.sizeGiB}Gi`,
        ...(text(context, 'storage-class') ? { storageClassName: text(context, 'storage-class') } : {}),
        ...(clone ? { clone } : {}),
      },
      persistentState: Boolean(values.persistent),
    }),
  );
  const files: OutputFile[] = [{ path: join(dir, 'kubevirt.yaml'), content: yaml, secret: true }];
  if (prepared.password.source === 'generated')
    files.push({ path: join(dir, 'password.txt'), content: `${prepared.password.value}\n`, secret: true });
  // All files or none, as `build` writes its folder.
  await writeBuildFolder({
    dir,
    files,
    produced: {},
    // A password.txt of an earlier export would not be this one's password.
    remove: prepared.password.source === 'generated' ? [] : ['password.txt'],
    force: Boolean(values.force),
    cwd,
  });
  const warnings = sysprep.left.map(
    (path) =>
      `${path} is not in the sysprep Secret (a Secret holds text up to 1 MiB): provide it another way`,
  );
  if (!(mediaFileNames.provisionScript in sysprep.files))
    warnings.push('no provisioning script in the Secret');
  const summary = {
    out: dir,
    arch,
    firmware: config.firmware,
    files: files.map((f) => relative(dir, f.path)).sort(),
    sysprep: Object.keys(sysprep.files).sort(),
    source: clone ? { clone } : isoUrl ? { url: isoUrl } : { pvc: isoPvc },
    warnings,
  };
  if (values.json) {
    out.json(summary);
    return 0;
  }
  const rel = relative(cwd, dir) || '.';
  out.line(
    `${out.bold('winguest export kubevirt')}: ${arch} ${config.firmware}, sysprep ${summary.sysprep.join(', ')}`,
  );
  out.line(`  ${rel}/kubevirt.yaml   Secret, DataVolume, VirtualMachine (0600: holds the answer file)`);
  out.line(`next: kubectl apply -f ${rel}/kubevirt.yaml`);
  for (const warning of warnings) out.info(`${out.yellow('warning:')} ${warning}`);
  return 0;
}
