import { unsupportedChecks } from '../checks/checks.ts';
import { E2eError } from '../errors.ts';
import { type Scenario, type ScenarioInput, scenarioSchema } from './scenario-schema.ts';

/**
 * Validates the declared scenarios all at once: schema problems with their path
 * (`scenarios[1].expect.user: …`), duplicate names, checks the guest kind has no command for.
 */
export function parseScenarios(inputs: readonly ScenarioInput[]): Scenario[] {
  const problems: string[] = [];
  const scenarios: Scenario[] = [];
  const seen = new Set<string>();
  inputs.forEach((input, index) => {
    const parsed = scenarioSchema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push(`scenarios[${index}].${issue.path.map(String).join('.')}: ${issue.message}`);
      }
      return;
    }
    const scenario = parsed.data;
    if (seen.has(scenario.name))
      problems.push(`scenarios[${index}].name: "${scenario.name}" is declared twice`);
    seen.add(scenario.name);
    for (const id of unsupportedChecks(scenario)) {
      problems.push(`scenarios[${index}].checks: "${id}" has no command for a ${scenario.guest} guest`);
    }
    scenarios.push(scenario);
  });
  if (problems.length > 0)
    throw new E2eError('invalid-scenario', `Invalid scenarios: ${problems.join('; ')}`);
  return scenarios;
}

/** The scenarios named by `--scenario` (all when none), in declaration order; unknown names are an error. */
export function selectScenarios(all: readonly Scenario[], names: readonly string[]): Scenario[] {
  if (names.length === 0) return [...all];
  const unknown = names.filter((name) => !all.some((s) => s.name === name));
  if (unknown.length > 0) {
    throw new E2eError(
      'unknown-scenario',
      `Unknown scenario ${unknown.map((n) => `"${n}"`).join(', ')}; known: ${all.map((s) => s.name).join(', ')}`,
    );
  }
  return all.filter((s) => names.includes(s.name));
}
