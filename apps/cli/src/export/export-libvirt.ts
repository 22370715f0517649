import { join, relative, resolve } from 'node:path';
import type { CommandContext } from '../command';
import { UsageError } from '../errors';
import { writeBuildFolder } from '../io/build-folder';
import type { OutputFile } from '../io/write-outputs';
import { prepareBuild, resolveTarget } from '../plan/prepare-build';
import { writeCidataIso } from '../plan/write-cidata';
import { libvirtShares } from './export-shares';
import { renderOrExplain } from './render-or-explain';
import { runTool } from './run-tool';

const choice = <T extends string>(
  context: CommandContext,
  flag: string,
  allowed: readonly T[],
  fallback: T,
): T => {
  const given = context.values[flag];
  if (given === undefined) return fallback;
  if (!allowed.includes(given as T))
    throw new UsageError(
      `--${flag} ${JSON.stringify(given)} is not one of ${allowed.join(', ')}`,
      'export libvirt',
    );
  return given as T;
};

/**
 * `winguest export libvirt`: domain.xml beside an empty disk and the cidata ISO, from the same
 * description and planners as `build`; optionally defined through virsh.
 */
export async function exportLibvirt(context: CommandContext): Promise<number> {
  const { values, cwd, out } = context;
  const domainType = choice(context, 'domain-type', ['kvm', 'qemu'] as const, 'kvm');
  const userNet = choice(context, 'user-net', ['qemu', 'passt'] as const, 'qemu');
  const connect = typeof values.connect === 'string' ? values.connect : undefined;
  if (connect && !values.define) throw new UsageError('--connect needs --define', 'export libvirt');
  const dir = resolve(cwd, typeof values.out === 'string' ? values.out : 'winguest-libvirt');
  const target = await resolveTarget(context);
  // libvirt starts virtiofsd on its host: the guest's media are planned for virtio-fs.
  const shares = await libvirtShares(target.config, cwd);
  const prepared = await prepareBuild(
    context,
    target,
    [],
    shares.length > 0 ? { shareMode: 'virtio-fs' } : {},
  );
  const { config, arch } = prepared;
  const [{ planVmSpec }, { renderLibvirtDomain }] = await Promise.all([
    import('@winguest/guest'),
    import('@winguest/export'),
  ]);
  const paths = {
    domain: join(dir, 'domain.xml'),
    disk: join(dir, 'disk.qcow2'),
    cidata: join(dir, 'cidata.iso'),
    serial: join(dir, 'serial.log'),
  };
  const spec = planVmSpec(config, arch, {
    disk: paths.disk,
    cidata: paths.cidata,
    windowsIso: prepared.media?.path,
  });
  const xml = await renderOrExplain('libvirt', () =>
    renderLibvirtDomain(spec, {
      domainType,
      userNetwork: userNet === 'qemu' ? 'qemu-commandline' : 'passt',
      serialLog: paths.serial,
      shares,
    }),
  );
  const files: OutputFile[] = [{ path: paths.domain, content: xml }];
  if (prepared.password.source === 'generated')
    files.push({ path: join(dir, 'password.txt'), content: `${prepared.password.value}\n`, secret: true });
  // All files or none: a failure (qemu-img missing) leaves an earlier export as it was.
  await writeBuildFolder({
    dir,
    files,
    produced: {
      'cidata.iso': (path) => writeCidataIso(prepared, path),
      'disk.qcow2': (path) =>
        runTool('qemu-img', ['create', '-q', '-f', 'qcow2', path, `${config.vm.disk.sizeGiB}G`], context),
    },
    // A password.txt of an earlier export would not be this one's password.
    remove: prepared.password.source === 'generated' ? [] : ['password.txt'],
    force: Boolean(values.force),
    cwd,
  });
  const uri = connect ?? 'qemu:///session';
  if (values.define) await runTool('virsh', ['-c', uri, 'define', paths.domain], context);

  const summary = {
    out: dir,
    arch,
    firmware: config.firmware,
    domainType,
    userNetwork: userNet,
    files: [...files.map((f) => relative(dir, f.path)), 'cidata.iso', 'disk.qcow2'].sort(),
    sshPort: spec.network?.ssh ?? null,
    defined: values.define ? { connect: uri, name: spec.name } : null,
  };
  if (values.json) {
    out.json(summary);
    return 0;
  }
  const rel = relative(cwd, dir) || '.';
  out.line(`${out.bold('winguest export libvirt')}: ${arch} ${config.firmware}, domain type ${domainType}`);
  out.line(`  ${rel}/domain.xml   the domain (media by absolute path)`);
  out.line(`  ${rel}/disk.qcow2   ${config.vm.disk.sizeGiB} GiB system disk (empty)`);
  out.line(`  ${rel}/cidata.iso   answer file and provisioning (0600)`);
  out.line(
    summary.defined
      ? `defined "${spec.name}" on ${uri}: virsh -c ${uri} start ${spec.name}`
      : `next: virsh -c qemu:///session define ${rel}/domain.xml && virsh -c qemu:///session start ${spec.name}`,
  );
  out.line(`progress: ${rel}/serial.log; ssh: ssh -p ${summary.sshPort} ${config.user.name}@127.0.0.1`);
  return 0;
}
