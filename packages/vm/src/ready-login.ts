import type { Client } from 'ssh2';
import type { VmEventInput } from './events';
import type { ProgressTracker } from './progress-tracker';
import { connectSsh, runCollecting, type SshTarget } from './ssh-client';

/** Between attempts when the guest said nothing new since the last one failed. */
const retryMs = 3_000;
/** How long the login, and then the ready command, may take. */
const stepTimeoutMs = 20_000;
/** How long the guest's SSH server may take to answer before an attempt is abandoned (doubles each time). */
const firstAnswerMs = 3_000;

/** What the readiness login reads and reports to. */
export interface ReadyLoginContext {
  tracker: ProgressTracker;
  ssh: SshTarget & { readyCommand: string };
  emit: (event: VmEventInput) => void;
}

interface Attempt {
  controller: AbortController;
  startedAt: number;
  /** The tracker's `loginHints` when it started. */
  hints: number;
  /** The guest's SSH server answered (key exchange done). */
  answered: boolean;
  done: Promise<void>;
}

/**
 * The readiness login. Ready means the guest said `WINGUEST ready` (when provisioning ran) and a
 * login with the pinned host key ran the ready command with exit status 0. The login starts as soon
 * as the guest can serve SSH, overlapping the guest's last steps; the ready command runs on that
 * connection once the guest said ready. An attempt whose server has not answered yet is abandoned —
 * not waited out — when the guest reports something that can make a login work now (its SSH server
 * or keys in place, `ready`), or when it stays unanswered too long (a connection QEMU's user network
 * accepted while nothing listened in the guest); a fresh attempt starts at once.
 */
export class ReadyLogin {
  loggedIn = false;
  readonly #ctx: ReadyLoginContext;
  #attempt?: Attempt;
  readonly #leaving = new Set<Promise<void>>();
  #nextAt = 0;
  #hintsTried = 0;
  #answerMs = firstAnswerMs;
  #ended = Promise.withResolvers<void>();
  #provisioned = Promise.withResolvers<void>();

  constructor(ctx: ReadyLoginContext) {
    this.#ctx = ctx;
  }

  /** Resolves when the current attempt ends, so the watch loop need not wait for its next tick. */
  get ended(): Promise<void> {
    return this.#ended.promise;
  }

  /** Called by the watch loop after reading the serial port: starts, abandons or resumes attempts. */
  tick(): void {
    const { tracker } = this.#ctx;
    if (tracker.provisioningDone) this.#provisioned.resolve();
    if (this.loggedIn || !tracker.sshExpected) return;
    const attempt = this.#attempt;
    if (attempt && !this.#abandonIfStale(attempt)) return;
    if (Date.now() < this.#nextAt && tracker.loginHints === this.#hintsTried) return;
    this.#start();
  }

  /** Abandons the attempt in flight and resolves once every attempt has ended. */
  async close(): Promise<void> {
    this.#attempt?.controller.abort();
    await Promise.all([this.#attempt?.done, ...this.#leaving]);
  }

  #abandonIfStale(attempt: Attempt): boolean {
    if (attempt.answered) return false;
    const hinted = this.#ctx.tracker.loginHints > attempt.hints;
    const silent = Date.now() - attempt.startedAt > this.#answerMs;
    if (!hinted && !silent) return false;
    if (!hinted) this.#answerMs = Math.min(this.#answerMs * 2, stepTimeoutMs);
    attempt.controller.abort();
    this.#attempt = undefined;
    this.#leaving.add(attempt.done);
    void attempt.done.then(() => this.#leaving.delete(attempt.done));
    return true;
  }

  #start(): void {
    const { tracker, ssh, emit } = this.#ctx;
    this.#hintsTried = tracker.loginHints;
    const attempt: Attempt = {
      controller: new AbortController(),
      startedAt: Date.now(),
      hints: tracker.loginHints,
      answered: false,
      done: Promise.resolve(),
    };
    attempt.done = this.#login(attempt).then(
      (ok) => {
        if (!ok || attempt.controller.signal.aborted) return;
        this.loggedIn = true;
        emit({
          type: 'action',
          action: 'ssh-login',
          message: `logged in as ${ssh.user} on port ${ssh.port}`,
        });
      },
      () => {},
    );
    void attempt.done.finally(() => {
      if (this.#attempt === attempt) this.#attempt = undefined;
      this.#nextAt = Date.now() + retryMs;
      this.#ended.resolve();
      this.#ended = Promise.withResolvers<void>();
    });
    this.#attempt = attempt;
  }

  /** One attempt: log in, wait for the guest's `ready` on that connection, run the ready command. */
  async #login(attempt: Attempt): Promise<boolean> {
    const { ssh, tracker } = this.#ctx;
    const { signal } = attempt.controller;
    const client = await connectSsh(ssh, stepTimeoutMs, {
      signal,
      keepaliveMs: 5_000,
      onHandshake: () => {
        attempt.answered = true;
      },
    });
    const lost = connectionLost(client, signal);
    try {
      if (!tracker.provisioningDone) {
        this.#provisioned = Promise.withResolvers<void>();
        await Promise.race([this.#provisioned.promise, lost]);
      }
      const timer = setTimeout(() => attempt.controller.abort(), stepTimeoutMs);
      const result = await Promise.race([runCollecting(client, ssh.readyCommand), lost]).finally(() =>
        clearTimeout(timer),
      );
      return result.exitCode === 0;
    } finally {
      client.end();
      client.destroy();
    }
  }
}

/** Rejects when the connection closes, fails or the attempt is abandoned. */
function connectionLost(client: Client, signal: AbortSignal): Promise<never> {
  const lost = new Promise<never>((_, reject) => {
    const fail = () => reject(new Error('the login connection closed or was abandoned'));
    client.on('error', fail);
    client.once('close', fail);
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
  lost.catch(() => {});
  return lost;
}
