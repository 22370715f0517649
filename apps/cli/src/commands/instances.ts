import { copyFile, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CommandContext, CommandDefinition } from '../command';
import { CliError, UsageError } from '../errors';
import { table } from '../table';
import { callVm } from '../vm/call-vm';
import { duration } from '../vm/progress-renderer';
import { reportReady, runVm } from '../vm/run-vm';
import { waitForStopRequest } from '../vm/wait-for-stop';
import { bootOptions } from './up';

function instanceName(context: CommandContext, command: string): string {
  const [name] = context.positionals;
  if (!name) throw new UsageError('Expected an instance name (see `winguest ls`)', command);
  return name;
}

export const startCommand: CommandDefinition = {
  name: 'start',
  summary: 'Boot a stopped instance from its disk and wait until SSH works',
  usage: ['start <name> [--detach] [--json]'],
  description:
    'Uses the configuration the instance was created with; never attaches install media once installed.',
  options: { ...bootOptions },
  examples: [['winguest start dev --detach', 'boot it and return once ready']],
  async run(context) {
    if (context.positionals.length !== 1) throw new UsageError('Expected one instance name', 'start');
    const name = instanceName(context, 'start');
    const api = await import('@winguest/vm');
    const result = await runVm(context, (run) => api.start({ name }, run));
    reportReady(context, result);
    if (context.values.detach || result.alreadyRunning) return 0;
    return waitForStopRequest(context, name);
  },
};

export const stopCommand: CommandDefinition = {
  name: 'stop',
  summary: 'Shut an instance down (ACPI powerdown, forced after a timeout)',
  usage: ['stop <name> [--timeout seconds] [--force]'],
  options: {
    timeout: {
      type: 'string',
      valueName: 'seconds',
      description: 'Wait this long for the guest to power off (default 120)',
    },
    force: { type: 'boolean', description: 'End QEMU at once, without asking the guest' },
  },
  examples: [['winguest stop dev', 'clean shutdown']],
  async run(context) {
    const name = instanceName(context, 'stop');
    const timeout = context.values.timeout === undefined ? undefined : Number(context.values.timeout);
    if (timeout !== undefined && !(Number.isFinite(timeout) && timeout >= 0)) {
      throw new UsageError(
        `--timeout ${JSON.stringify(context.values.timeout)} is not a number of seconds`,
        'stop',
      );
    }
    const result = await callVm((api) =>
      api.stop({
        name,
        ...(timeout !== undefined ? { timeoutSeconds: timeout } : {}),
        force: Boolean(context.values.force),
      }),
    );
    if (!result.wasRunning) context.out.line(`${name} was not running`);
    else
      context.out.line(
        `${name} stopped in ${duration(result.durationMs)}${result.forced ? ' (forced)' : ''}`,
      );
    return 0;
  },
};

export const rmCommand: CommandDefinition = {
  name: 'rm',
  summary: 'Delete an instance and its disk',
  usage: ['rm <name> [--force]'],
  description:
    'The only command that deletes a disk. A running instance needs --force (it is stopped first).',
  options: { force: { type: 'boolean', description: 'Stop a running instance first' } },
  examples: [['winguest rm dev', 'delete a stopped instance']],
  async run(context) {
    const name = instanceName(context, 'rm');
    await callVm((api) => api.removeInstance({ name, force: Boolean(context.values.force) }));
    context.out.line(`removed ${name}`);
    return 0;
  },
};

export const lsCommand: CommandDefinition = {
  name: 'ls',
  summary: 'List instances: state, arch, ports, uptime, guest IP (from the guest agent)',
  usage: ['ls [--json]'],
  options: { json: { type: 'boolean', description: 'Print the instances as JSON' } },
  async run(context) {
    const instances = await callVm((api) => api.listInstancesWithGuest({}));
    if (context.values.json) {
      context.out.json(instances);
      return 0;
    }
    if (instances.length === 0) {
      context.out.info('no instances (create one with `winguest up --iso windows.iso`)');
      return 0;
    }
    const rows = instances.map((i) => [
      i.name,
      i.running ? `${i.state} (running)` : i.state,
      i.arch ?? '',
      i.ports?.ssh ? String(i.ports.ssh) : '',
      i.ports?.rdp ? String(i.ports.rdp) : '',
      i.uptimeMs === undefined ? '' : duration(i.uptimeMs),
      i.guest?.ipAddresses[0] ?? '',
    ]);
    for (const line of table(['NAME', 'STATE', 'ARCH', 'SSH', 'RDP', 'UPTIME', 'GUEST IP'], rows))
      context.out.line(line);
    return 0;
  },
};

export const logsCommand: CommandDefinition = {
  name: 'logs',
  summary: "Show an instance's serial log (progress lines), or its provisioning log",
  usage: ['logs <name> [--provision] [--json]'],
  options: {
    provision: {
      type: 'boolean',
      description: 'Fetch C:\\ProgramData\\winguest\\provision.log over SSH instead',
    },
    json: { type: 'boolean', description: 'Print the paths of every log file as JSON' },
  },
  examples: [
    ['winguest logs dev | grep WINGUEST', 'the progress lines'],
    ['winguest logs dev --provision', 'what the first-logon script did'],
  ],
  async run(context) {
    const name = instanceName(context, 'logs');
    const logs = await callVm((api) => api.instanceLogs({ name }));
    if (context.values.json) {
      context.out.json(logs);
      return 0;
    }
    if (context.values.provision) {
      const result = await callVm((api) =>
        api.sshExec(
          { name },
          'powershell -NoProfile -Command "Get-Content -Raw -LiteralPath C:\\ProgramData\\winguest\\provision.log"',
        ),
      );
      if (result.exitCode !== 0) {
        throw new CliError('provision-log', `Could not read the provisioning log (exit ${result.exitCode})`, {
          details: result.stderr.trim().split('\n').slice(-5),
          hint: 'the instance must be running and reachable over SSH',
        });
      }
      context.out.stdout.write(result.stdout);
      return 0;
    }
    const serial = (logs as { serial?: string }).serial;
    if (!serial)
      throw new CliError('no-log', `${name} has no serial log yet`, { hint: 'start it with `winguest up`' });
    context.out.stdout.write(await readFile(serial, 'utf8').catch(() => ''));
    return 0;
  },
};

export const screenshotCommand: CommandDefinition = {
  name: 'screenshot',
  summary: "Save a PNG of a running instance's screen",
  usage: ['screenshot <name> [-o file.png]'],
  options: {
    output: { type: 'string', short: 'o', valueName: 'file', description: 'Copy the PNG here too' },
  },
  examples: [['winguest screenshot dev -o now.png', 'what the guest shows']],
  async run(context) {
    const name = instanceName(context, 'screenshot');
    const path = await callVm((api) => api.takeScreenshot({ name }));
    if (typeof context.values.output === 'string') {
      const target = resolve(context.cwd, context.values.output);
      await copyFile(path, target);
      context.out.line(target);
    } else {
      context.out.line(path);
    }
    return 0;
  },
};
