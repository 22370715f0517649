import { cloneSummaryLine } from './clone-summary.ts';
import { formatDuration, formatOverhead, overheadOf } from './format.ts';
import type { RunReport, ScenarioResult } from './results-schema.ts';

const icon: Record<ScenarioResult['verdict'], string> = {
  passed: '✅ passed',
  failed: '❌ failed',
  'not-run': '⏭️ not run',
};

/** The Markdown summary of a run, for `$GITHUB_STEP_SUMMARY` and for a maintainer's morning. */
export function renderMarkdown(report: RunReport): string {
  const { host, versions, scenarios } = report;
  const count = (verdict: ScenarioResult['verdict']) => scenarios.filter((s) => s.verdict === verdict).length;
  const lines = [
    '# winguest e2e',
    '',
    `**${count('passed')} passed, ${count('failed')} failed, ${count('not-run')} not run** · ${report.startedAt}`,
    '',
    `Host: ${host.os} ${host.arch}, ${host.cpus} CPUs, ${Math.round(host.memoryMiB / 1024)} GiB, accelerator **${host.accelerator}** (${cell(host.acceleratorDetail)}) · winguest ${versions.winguest} · QEMU ${versions.qemu ?? '?'} · Node ${versions.node}${versions.commit ? ` · ${versions.commit.slice(0, 12)}` : ''}`,
    '',
    '| scenario | verdict | time to SSH | total | stages | checks |',
    '| --- | --- | --- | --- | --- | --- |',
    ...scenarios.map(
      (s) =>
        `| ${s.scenario} | ${icon[s.verdict]} | ${formatDuration(s.timeToSshMs)} | ${s.verdict === 'not-run' ? '—' : formatDuration(s.totalMs)} | ${
          s.stages.map((t) => `${t.stage} ${formatDuration(t.durationMs)}`).join(' → ') || '—'
        } | ${s.checks.length ? `${s.checks.filter((c) => c.verdict === 'passed').length}/${s.checks.length}` : '—'} |`,
    ),
  ];
  for (const s of scenarios.filter((r) => r.verdict === 'not-run'))
    lines.push('', `**${s.scenario}** not run: ${s.reason ?? ''}`);
  for (const s of scenarios.filter((r) => r.verdict === 'failed')) lines.push('', ...failureSection(s));
  const overheads = scenarios
    .filter((s) => s.guest === 'standin')
    .flatMap((s) => {
      const overhead = overheadOf(s);
      return overhead ? [`- ${formatOverhead(s.scenario, overhead)}`] : [];
    });
  if (overheads.length) lines.push('', '### Harness overhead (stand-in guest)', '', ...overheads);
  const clones = scenarios.flatMap((s) => cloneSummaryLine(s) ?? []);
  if (clones.length) lines.push('', '### Clones (install once, clone in parallel)', '', ...clones);
  return `${lines.join('\n')}\n`;
}

function failureSection(s: ScenarioResult): string[] {
  const lines = [
    `### ❌ ${s.scenario}`,
    '',
    `${s.failure?.phase ?? '?'}${s.failure?.stage ? ` (stage ${s.failure.stage})` : ''}: ${s.failure?.message ?? s.reason ?? ''}`,
  ];
  const failedChecks = s.checks.filter((c) => c.verdict === 'failed');
  if (failedChecks.length) lines.push('', ...failedChecks.map((c) => `- \`${c.id}\`: ${c.detail}`));
  if (s.failure?.serialTail.length) {
    lines.push(
      '',
      '<details><summary>last serial lines</summary>',
      '',
      '```',
      ...s.failure.serialTail.map(fence),
      '```',
      '',
      '</details>',
    );
  }
  const files = [
    s.artifacts.serialLog,
    s.artifacts.provisionLog,
    s.artifacts.qemuCommand,
    s.artifacts.filmstrip.length ? 'filmstrip.html' : undefined,
  ];
  lines.push(
    '',
    `Artifacts (\`${s.scenario}/\`): ${
      files
        .filter(Boolean)
        .map((f) => `\`${f}\``)
        .join(', ') || 'none'
    }`,
  );
  return lines;
}

/** Text inside a table cell: no pipes or line breaks. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** A line inside a fenced block cannot close it. */
function fence(line: string): string {
  return line.replace(/^```/, '`\u200b``');
}
