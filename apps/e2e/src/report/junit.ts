import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import type { RunReport, ScenarioResult } from './results-schema.ts';

/**
 * JUnit XML for CI test reporters: one `<testsuite>` per scenario, with a test case for the boot
 * (`up`) and one per check; a scenario that did not run is one skipped case with its reason.
 * Text from guests (serial lines) is stripped of characters XML 1.0 cannot carry.
 */
export function renderJunit(report: RunReport): string {
  const all = report.scenarios;
  const cases = all.map(caseCount);
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('testsuites', {
    name: 'winguest e2e',
    tests: sum(cases.map((c) => c.tests)),
    failures: sum(cases.map((c) => c.failures)),
    skipped: sum(cases.map((c) => c.skipped)),
    time: seconds(sum(all.map((s) => (s.verdict === 'not-run' ? 0 : s.totalMs)))),
    timestamp: report.startedAt,
  });
  for (const [index, scenario] of all.entries()) addSuite(root, scenario, cases[index] as CaseCount, report);
  return root.end({ prettyPrint: true });
}

interface CaseCount {
  tests: number;
  failures: number;
  skipped: number;
}

function caseCount(s: ScenarioResult): CaseCount {
  if (s.verdict === 'not-run') return { tests: 1, failures: 0, skipped: 1 };
  const upFailed = s.failure?.phase === 'media' || s.failure?.phase === 'up';
  const checkFailures = s.checks.filter((c) => c.verdict === 'failed').length;
  const teardownFailed = s.failure?.phase === 'stop' || s.failure?.phase === 'rm';
  return {
    tests: 1 + s.checks.length + (teardownFailed ? 1 : 0),
    failures: (upFailed ? 1 : 0) + checkFailures + (teardownFailed ? 1 : 0),
    skipped: 0,
  };
}

function addSuite(root: XMLBuilder, s: ScenarioResult, count: CaseCount, report: RunReport): void {
  const suite = root.ele('testsuite', {
    name: s.scenario,
    tests: count.tests,
    failures: count.failures,
    errors: 0,
    skipped: count.skipped,
    time: seconds(s.verdict === 'not-run' ? 0 : s.totalMs),
    timestamp: s.startedAt,
  });
  const properties = suite.ele('properties');
  const props: Record<string, string | undefined> = {
    guest: s.guest,
    family: s.family,
    arch: s.arch,
    accelerator: s.accelerator ?? report.host.accelerator,
    timeToSshMs: s.timeToSshMs?.toString(),
    winguest: report.versions.winguest,
  };
  for (const [name, value] of Object.entries(props))
    if (value !== undefined) properties.ele('property', { name, value: xmlText(value) });
  const classname = `e2e.${s.scenario}`;
  if (s.verdict === 'not-run') {
    suite
      .ele('testcase', { classname, name: 'scenario', time: '0' })
      .ele('skipped', { message: xmlText(s.reason ?? 'not run') });
    return;
  }
  const upTime = s.phases
    .filter((p) => p.phase === 'media' || p.phase === 'up')
    .reduce((t, p) => t + p.durationMs, 0);
  const up = suite.ele('testcase', { classname, name: 'up: install and SSH ready', time: seconds(upTime) });
  if (s.failure && (s.failure.phase === 'media' || s.failure.phase === 'up')) {
    up.ele('failure', { message: xmlText(s.failure.message), type: s.failure.code ?? s.failure.phase }).txt(
      xmlText(s.failure.serialTail.join('\n')),
    );
  }
  for (const check of s.checks) {
    const test = suite.ele('testcase', {
      classname,
      name: `check: ${check.id}`,
      time: seconds(check.durationMs),
    });
    if (check.verdict === 'failed') test.ele('failure', { message: xmlText(check.detail), type: check.id });
  }
  if (s.failure && (s.failure.phase === 'stop' || s.failure.phase === 'rm')) {
    suite
      .ele('testcase', { classname, name: `teardown: ${s.failure.phase}`, time: '0' })
      .ele('failure', { message: xmlText(s.failure.message), type: s.failure.phase });
  }
  const stages = s.stages.map((t) => `${t.stage} ${t.durationMs} ms`).join('\n');
  suite.ele('system-out').txt(xmlText(`stages:\n${stages}\nartifacts: ${s.artifacts.dir}`));
}

/** Text without the characters XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE/U+FFFF). */
export function xmlText(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD');
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
