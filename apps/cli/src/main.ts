import type { Readable } from 'node:stream';
import { closest, parseCommandArgs } from './args';
import type { CommandDefinition } from './command';
import { commands } from './commands/index';
import { CliError, exitCodes, UsageError } from './errors';
import { commandHelp, rootHelp } from './help';
import { createOutput, type Output } from './output';
import { reportError } from './report-error';
import { version } from './version';

export interface MainOptions {
  stdout?: Output['stdout'];
  stderr?: Output['stderr'];
  stdin?: Readable & { isTTY?: boolean };
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/** Runs `winguest` with `argv` (without node and script) and returns the exit code. */
export async function main(argv: string[], options: MainOptions = {}): Promise<number> {
  const env = options.env ?? process.env;
  const noColor = argv.includes('--no-color');
  const out = createOutput(
    options.stdout ?? process.stdout,
    options.stderr ?? process.stderr,
    env,
    noColor ? false : undefined,
  );
  const debug = argv.includes('--debug');
  try {
    return await dispatch(argv, out, env, options);
  } catch (error) {
    return reportError(error, out, debug);
  }
}

async function dispatch(argv: string[], out: Output, env: NodeJS.ProcessEnv, options: MainOptions) {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    if (first === 'help' && rest[0]) return dispatch([rest[0], '--help'], out, env, options);
    out.line(rootHelp(commands, version, out));
    return first === undefined ? exitCodes.usage : exitCodes.ok;
  }
  if (first === '--version' || first === '-V') {
    out.line(version);
    return exitCodes.ok;
  }
  const entry = commands.find((c) => c.name === first);
  if (!entry) {
    const suggestion = closest(
      first,
      commands.map((c) => c.name),
    );
    throw new UsageError(
      `Unknown command '${first}'${suggestion ? `; did you mean '${suggestion}'?` : ''}`,
      '',
    );
  }
  // Before the command's modules load: zod decides per schema, as it builds it, whether to compile.
  (await import('./zod-jitless')).useJitlessZod();
  let command = await entry.load();
  let args = rest;
  while (command.subcommands) {
    const [sub, ...subRest] = args;
    const next = sub === undefined ? undefined : command.subcommands[sub];
    if (!next) {
      if (sub === undefined || sub === '--help' || sub === '-h') {
        out.line(commandHelp(command, out));
        return sub === undefined ? exitCodes.usage : exitCodes.ok;
      }
      const names = Object.keys(command.subcommands);
      throw new UsageError(
        `Unknown command '${command.name} ${sub}'; expected one of: ${names.join(', ')}`,
        command.name,
      );
    }
    command = next;
    args = subRest;
  }
  return runLeaf(command, args, out, env, options);
}

async function runLeaf(
  command: CommandDefinition,
  argv: string[],
  out: Output,
  env: NodeJS.ProcessEnv,
  options: MainOptions,
) {
  const { values, positionals } = parseCommandArgs(command, argv);
  if (values.help) {
    out.line(commandHelp(command, out));
    return exitCodes.ok;
  }
  if (!command.run) throw new CliError('internal', `winguest ${command.name} cannot run on its own`);
  const code = await command.run({
    values,
    positionals,
    out,
    env,
    cwd: options.cwd ?? process.cwd(),
    stdin: options.stdin ?? process.stdin,
    debug: Boolean(values.debug),
  });
  return code ?? exitCodes.ok;
}
