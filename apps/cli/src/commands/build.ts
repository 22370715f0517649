import { platform } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { buildFolderFiles, defaultBuildSshPort, mediaFileNames } from '@winguest/guest';
import { quotePosix, quotePowerShell } from '@winguest/shell';
import type { CommandDefinition } from '../command';
import { configOptions } from '../config/config-options';
import { writeBuildFolder } from '../io/build-folder';
import type { OutputFile } from '../io/write-outputs';
import { hostShareChoice } from '../plan/host-share-mode';
import { planBuildCommand } from '../plan/plan-command-file';
import { prepareBuild, resolveTarget } from '../plan/prepare-build';
import { writeCidataIso } from '../plan/write-cidata';
import { formatBytes } from '../table';

export const buildCommand: CommandDefinition = {
  name: 'build',
  summary: 'Write the answer file, provisioning script, cidata ISO and QEMU command',
  usage: ['build [--out dir] [--iso windows.iso] [--config winguest.yaml] [--force]'],
  description: [
    'The main job. With no config at all it prepares a Windows 11 Pro amd64 UEFI guest that installs',
    'unattended and comes up with SSH. With --iso the media is inspected first: a missing edition,',
    'another architecture or a UI language the media lacks stops the build, listing what it holds.',
    '',
    'Writes into --out (default ./winguest-build): autounattend.xml and cidata.iso (0600: they hold',
    'recoverable passwords), first-logon.ps1, qemu.sh (qemu.ps1 on Windows) and, when no password',
    'was given, password.txt (0600). The password comes from WINGUEST_PASSWORD, --password-file or',
    'user.passwordFile, else it is generated. The SSH key from --ssh-key, ssh.publicKey, or',
    '~/.ssh/id_ed25519.pub, id_ecdsa.pub, id_rsa.pub.',
    '',
    'Devices: vm.disk.bus (sata, virtio-blk, virtio-scsi, nvme) and vm.network.model (e1000e,',
    'virtio-net). virtio needs media.drivers (a virtio-win ISO, its extracted folder, or your own driver',
    'folder): the drivers go to $WinPEDriver$ on cidata.iso, where Setup finds them, with the guest',
    'agent MSI; a missing driver is an error naming its folder before anything is written.',
  ].join('\n'),
  options: {
    out: {
      type: 'string',
      short: 'o',
      valueName: 'dir',
      description: 'Output folder (default ./winguest-build)',
    },
    ...configOptions,
    force: { type: 'boolean', description: 'Replace files from an earlier build' },
    json: { type: 'boolean', description: 'Print the summary as JSON' },
  },
  examples: [
    ['winguest build', 'defaults: Windows 11 Pro, amd64, UEFI, SSH with your ~/.ssh key'],
    ['winguest build --iso Win11_24H2_English_x64.iso --out vm1', 'checked against the media'],
    ['WINGUEST_PASSWORD=… winguest build -c server.yaml --force', 'your password, your config'],
  ],
  async run(context) {
    const { values, cwd, out } = context;
    const dir = resolve(cwd, typeof values.out === 'string' ? values.out : 'winguest-build');
    const target = await resolveTarget(context);
    // One probe decides both what the cidata media install and what qemu.sh starts.
    const shares = target.config.shares.length > 0 ? await hostShareChoice(context) : undefined;
    const prepared = await prepareBuild(context, target, [], shares ? { shareMode: shares.mode } : {});
    const { config, arch } = prepared;
    const sshPort = config.vm.sshPort ?? defaultBuildSshPort;
    const shell = platform() === 'win32' ? 'powershell' : 'posix';
    const { host, file: qemu } = await planBuildCommand(
      context,
      { ...prepared, path: prepared.configPath },
      shell,
      shares,
    );
    const provisionScriptName = mediaFileNames.provisionScript;
    const cidataName = buildFolderFiles.cidata;
    const files: OutputFile[] = [
      { path: join(dir, 'autounattend.xml'), content: prepared.plan.answerFile, secret: true },
      { path: join(dir, provisionScriptName), content: prepared.plan.provisionScript },
      { path: join(dir, qemu.name), content: qemu.text, executable: true },
    ];
    if (prepared.password.source === 'generated') {
      files.push({ path: join(dir, 'password.txt'), content: `${prepared.password.value}\n`, secret: true });
    }
    let image: { size: number } = { size: 0 };
    await writeBuildFolder({
      dir,
      files,
      produced: { [cidataName]: async (path) => (image = await writeCidataIso(prepared, path)) },
      // A password.txt of an earlier build would not be this build's password.
      remove: prepared.password.source === 'generated' ? [] : ['password.txt'],
      force: Boolean(values.force),
      cwd,
    });

    const warnings = [...host.warnings, ...qemu.warnings];
    if (!prepared.sshKey)
      warnings.push('no SSH public key found: sshd will accept the password only (pass --ssh-key)');
    const summary = {
      out: dir,
      family: config.family,
      arch,
      firmware: config.firmware,
      edition: prepared.plan.editionName,
      media: prepared.media ? { path: prepared.media.path, label: prepared.media.label } : null,
      user: config.user.name,
      password:
        prepared.password.source === 'generated' ? join(dir, 'password.txt') : prepared.password.source,
      sshKey: prepared.sshKey?.source ?? null,
      sshPort,
      accelerator: host.acceleratorNote,
      files: [...files.map((f) => relative(dir, f.path)), cidataName].sort(),
      cidataBytes: image.size,
      warnings,
    };
    if (values.json) {
      out.json(summary);
      return 0;
    }
    const rel = relative(cwd, dir) || '.';
    out.line(
      `${out.bold('winguest build')}: ${config.family} ${arch} ${config.firmware}, edition ${summary.edition}`,
    );
    out.line(`  ${rel}/autounattend.xml   answer file (0600: holds the encoded password)`);
    out.line(`  ${rel}/${provisionScriptName}    first-logon provisioning (OpenSSH, keys, power)`);
    out.line(`  ${rel}/${cidataName}        ${formatBytes(image.size)} media Setup reads (0600)`);
    out.line(
      `  ${rel}/${qemu.name}          boots Setup: ${prepared.media ? `./${qemu.name}` : `./${qemu.name} path/to/windows.iso`}`,
    );
    if (prepared.password.source === 'generated')
      out.line(`  ${rel}/password.txt      generated password for "${config.user.name}" (0600)`);
    // Quoted for the shell it will be pasted into: a user name is text, never a command.
    const quote = (text: string) =>
      shell === 'powershell' ? quotePowerShell(text, { bare: true }) : quotePosix(text);
    out.line(
      `ssh: ssh -p ${sshPort} ${quote(`${config.user.name}@127.0.0.1`)}${prepared.sshKey ? ` (key ${prepared.sshKey.source})` : ''}`,
    );
    out.line(`accelerator: ${host.acceleratorNote}`);
    for (const warning of warnings) out.info(`${out.yellow('warning:')} ${warning}`);
    return 0;
  },
};
