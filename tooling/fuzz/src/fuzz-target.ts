import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { applyMutations, type Mutation, type MutationContext, mutationArbitrary } from './mutations';

/** A reader to fuzz: a valid seed input, what to mutate, and what counts as a clean failure. */
export interface FuzzTarget {
  /** Short name, used in test titles and crasher file names (`udf`, `wim-xml`). */
  name: string;
  /** Folder of saved crashers (`new URL('./__fixtures__/fuzz-crashers/', import.meta.url)`). */
  crashers: URL;
  /** A valid input the mutations start from; must be the same bytes on every run. */
  seed: () => Promise<Uint8Array>;
  /** Offsets of the numeric fields the reader trusts (lengths, counts, positions). */
  fields?: (seed: Uint8Array) => number[];
  /** Fragments worth inserting (markup for text formats), already encoded. */
  tokens?: readonly Uint8Array[];
  /** Repairs what every reader checks first (descriptor checksums) so mutations reach deeper code. */
  fixup?: (input: Uint8Array) => void;
  /** Reads one input the way a user's command would. */
  run: (input: Uint8Array) => Promise<unknown>;
  /** True for the typed errors the reader is allowed to throw. */
  expected: (error: unknown) => boolean;
  /** Slowest acceptable input in milliseconds (catches super-linear time); default 2000. */
  slowMs?: number;
}

/** Seconds each target runs: `FUZZ_SECONDS`, else 1 (the normal test run). */
export function fuzzSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const seconds = Number(env.FUZZ_SECONDS ?? '1');
  return Number.isFinite(seconds) && seconds > 0 ? seconds : 1;
}

/**
 * Registers two tests for a target: every saved crasher replays as a clean failure, and random
 * structured mutations of the seed run for {@link fuzzSeconds}. A failure found is shrunk, saved
 * to the crashers folder as JSON (the mutations, replayed on the same seed) and fails the test.
 */
export function defineFuzzTests(target: FuzzTarget): void {
  const seconds = fuzzSeconds();
  describe(`fuzz: ${target.name}`, () => {
    let seed: Uint8Array;
    let context: MutationContext;
    beforeAll(async () => {
      seed = await target.seed();
      context = { fields: target.fields?.(seed) ?? [], tokens: target.tokens ?? [] };
      await expect(checkOne(target, seed)).resolves.toBeUndefined();
    });

    test('saved crashers fail cleanly and fast', async () => {
      for (const { file, mutations } of savedCrashers(target)) {
        const failure = await checkOne(target, applyMutations(seed, mutations, context));
        expect(failure, file).toBeUndefined();
      }
    });

    test(`${seconds}s of mutated inputs: only typed errors, none slow`, {
      timeout: seconds * 1000 + 120_000,
    }, async () => {
      let runs = 0;
      const fuzzSeed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
      // Printed first: an input that aborts the process leaves no other trace of how to repeat it.
      console.info(`fuzz ${target.name}: ${seconds}s, FUZZ_SEED=${fuzzSeed}`);
      const property = fc.asyncProperty(
        fc.array(mutationArbitrary(context.fields.length > 0, context.tokens.length > 0), {
          minLength: 1,
          maxLength: 6,
        }),
        async (mutations) => {
          runs++;
          const failure = await checkOne(target, applyMutations(seed, mutations, context));
          if (failure) throw new Error(failure);
        },
      );
      const result = await fc.check(property, {
        numRuns: Number.MAX_SAFE_INTEGER,
        interruptAfterTimeLimit: seconds * 1000,
        markInterruptAsFailure: false,
        seed: fuzzSeed,
      });
      console.info(`fuzz ${target.name}: ${runs} inputs in ${seconds}s`);
      if (result.failed && result.counterexample) {
        const file = saveCrasher(target, result.counterexample[0], String(result.errorInstance));
        throw new Error(
          `fuzz ${target.name} found a crasher, saved as ${file}:\n${String(result.errorInstance)}`,
        );
      }
    });
  });
}

/** Runs one input; returns why it is a defect (untyped error, too slow), or undefined. */
async function checkOne(target: FuzzTarget, input: Uint8Array): Promise<string | undefined> {
  target.fixup?.(input);
  const started = performance.now();
  let failure: string | undefined;
  try {
    await target.run(input);
  } catch (error) {
    if (!target.expected(error))
      failure = `untyped error: ${error instanceof Error ? error.stack : String(error)}`;
  }
  const elapsed = performance.now() - started;
  if (!failure && elapsed > (target.slowMs ?? 2000))
    failure = `slow: ${Math.round(elapsed)} ms for one input`;
  return failure;
}

function savedCrashers(target: FuzzTarget): { file: string; mutations: Mutation[] }[] {
  let files: string[];
  try {
    files = readdirSync(target.crashers).filter(
      (f) => f.startsWith(`${target.name}-`) && f.endsWith('.json'),
    );
  } catch {
    return [];
  }
  return files.sort().map((file) => ({
    file,
    mutations: (JSON.parse(readFileSync(new URL(file, target.crashers), 'utf8')) as { mutations: Mutation[] })
      .mutations,
  }));
}

function saveCrasher(target: FuzzTarget, mutations: Mutation[], failure: string): string {
  const id = createHash('sha256').update(JSON.stringify(mutations)).digest('hex').slice(0, 12);
  const file = fileURLToPath(new URL(`${target.name}-${id}.json`, target.crashers));
  mkdirSync(fileURLToPath(target.crashers), { recursive: true });
  const found = failure
    .split('\n')
    .filter((line) => !/^\s+at /.test(line))
    .slice(0, 2)
    .join('\n');
  writeFileSync(file, `${JSON.stringify({ target: target.name, found, mutations }, null, 2)}\n`);
  return file;
}
