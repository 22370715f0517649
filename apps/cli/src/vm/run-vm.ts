import { quotePosix } from '@winguest/shell';
import type { UpResult, UpRunOptions } from '@winguest/vm';
import type { CommandContext } from '../command';
import { createProgressRenderer } from './progress-renderer';
import { vmErrorToCli } from './vm-error';

/**
 * Runs `up` or `start` with progress rendered for the terminal, plain lines or NDJSON, Ctrl-C and
 * SIGTERM wired to abort (the instance stays resumable), and errors turned into CLI errors.
 */
export async function runVm(
  context: CommandContext,
  boot: (run: UpRunOptions) => Promise<UpResult>,
  extra: Omit<UpRunOptions, 'onEvent' | 'signal'> = {},
): Promise<UpResult> {
  const [{ abortOnSignals }, { defaultProbeCacheDir }] = await Promise.all([
    import('@winguest/vm'),
    import('@winguest/qemu-args/probe'),
  ]);
  const json = Boolean(context.values.json);
  const mode = json ? 'json' : context.out.stderr.isTTY && context.out.color ? 'tty' : 'plain';
  const renderer = createProgressRenderer(context.out, mode);
  const { signal, dispose } = abortOnSignals();
  try {
    // The accelerator verdict of this boot is shared with `build`: no test guest per `up`.
    const probeCacheDir = defaultProbeCacheDir(context.env);
    return await boot({ probeCacheDir, ...extra, signal, onEvent: (event) => renderer.onEvent(event) });
  } catch (error) {
    renderer.close();
    if (json) {
      const e = error as Record<string, unknown>;
      context.out.line(
        JSON.stringify(
          context.out.redactor.value({
            type: 'error',
            code: e.code ?? 'unexpected',
            message: String(e.message ?? error),
            stage: e.stage,
            screenshot: e.screenshot,
            serialTail: e.serialTail,
            stderr: e.stderr,
            issues: e.issues,
          }),
        ),
      );
    }
    throw vmErrorToCli(error);
  } finally {
    renderer.close();
    dispose();
  }
}

/** The final NDJSON line, or the human summary, of a successful `up`/`start`. */
export function reportReady(context: CommandContext, result: UpResult): void {
  const { out } = context;
  if (context.values.json) {
    out.line(JSON.stringify(out.redactor.value({ type: 'result', ...result })));
    return;
  }
  const how = result.alreadyRunning
    ? 'already running'
    : `ready in ${formatMs(result.totalMs)} (${result.mode}, ${result.accelerator})`;
  out.line(`${out.bold(result.name)} ${how}`);
  if (!result.alreadyRunning) {
    for (const stage of result.stages)
      out.line(`  ${stage.stage.padEnd(15)} ${formatMs(stage.durationMs ?? 0)}`);
  }
  out.line(
    `ssh: winguest ssh ${result.name}    (or: ssh ${result.ssh.sshArgs.map((arg) => quotePosix(arg)).join(' ')})`,
  );
  if (result.ejected.length) out.line(`install media ejected: ${result.ejected.join(', ')}`);
}

function formatMs(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}
