import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';

/** The answer file the tests put on the media; the guest takes its hostname from ComputerName. */
export const computerName = 'STANDIN-01';
export const answerFile = `<?xml version="1.0" encoding="utf-8"?>
<unattend xmlns="urn:schemas-microsoft-com:unattend">
  <settings pass="specialize">
    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
      <ComputerName>${computerName}</ComputerName>
    </component>
  </settings>
</unattend>
`;

/**
 * Writes a cidata ISO with genisoimage: `autounattend.xml` at the root, the provisioning script
 * and authorized_keys under `winguest/`. `joliet: false` makes a plain ISO 9660 level-1 image, where
 * the answer file's name survives only as `AUTOUNAT.XML`.
 */
export async function writeCidataIso(dir: string, publicKey: string, joliet = true): Promise<string> {
  const tree = join(dir, joliet ? 'media' : 'media-no-joliet');
  await mkdir(join(tree, 'winguest'), { recursive: true });
  await writeFile(join(tree, 'autounattend.xml'), answerFile);
  await writeFile(join(tree, 'winguest', 'provision.ps1'), "Write-Output 'provisioned'\r\n");
  await writeFile(join(tree, 'winguest', 'authorized_keys'), publicKey);
  const iso = `${tree}.iso`;
  await execa('genisoimage', ['-quiet', ...(joliet ? ['-J'] : []), '-V', 'CIDATA', '-o', iso, tree]);
  return iso;
}

/** A fresh qcow2 disk, as a runner creates it. */
export async function createDisk(dir: string, name = 'disk.qcow2'): Promise<string> {
  const disk = join(dir, name);
  await execa('qemu-img', ['create', '-q', '-f', 'qcow2', disk, '2G']);
  return disk;
}

/** An ed25519 key pair made by ssh-keygen; returns the private key path and the public key line. */
export async function sshKeyPair(dir: string): Promise<{ privateKey: string; publicKey: string }> {
  const privateKey = join(dir, 'id_ed25519');
  await execa('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'standin-test', '-f', privateKey]);
  return { privateKey, publicKey: await readFile(`${privateKey}.pub`, 'utf8') };
}

/** Runs `command` in the guest with the OpenSSH client; `strict` insists on the known host key. */
export function sshRun(
  options: { port: number; privateKey: string; knownHosts: string; strict: boolean },
  command: string,
) {
  return execa('ssh', [
    ...['-i', options.privateKey, '-p', String(options.port)],
    ...['-o', `StrictHostKeyChecking=${options.strict ? 'yes' : 'no'}`],
    ...['-o', `UserKnownHostsFile=${options.knownHosts}`, '-o', 'BatchMode=yes', '-o', 'ConnectTimeout=20'],
    ...['-o', 'IdentitiesOnly=yes', '-o', 'LogLevel=ERROR'],
    'root@127.0.0.1',
    command,
  ]);
}
