import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { decodeAnswerFile, lintAnswerFile } from '@winguest/answerfile';
import type { CommandDefinition } from '../command';
import { UsageError } from '../errors';

interface FileReport {
  file: string;
  error?: string;
  findings: Array<{
    ruleId: string;
    severity: string;
    message: string;
    path: string;
    line: number;
    column: number;
    reference: string;
  }>;
}

export const lintCommand: CommandDefinition = {
  name: 'lint',
  summary: 'Check answer files for what would make Windows Setup fail',
  usage: ['lint <autounattend.xml…> [--arch amd64|arm64] [--firmware uefi|bios] [--format text|json]'],
  description: [
    "Reads any answer file (yours, Microsoft SIM's, another generator's) and reports problems with",
    'file:line:col, severity and rule id: settings in the wrong pass, partitions that do not add up,',
    'passwords that do not decode, names Windows refuses, commands over the length limits, and more.',
    "Each finding cites the page of Microsoft's unattend reference it rests on. Files may be UTF-8",
    '(with or without BOM) or UTF-16 with BOM, as Setup reads them.',
    'Exit 1 when any file has an error; warnings and info alone exit 0.',
  ].join('\n'),
  options: {
    arch: { type: 'string', valueName: 'arch', description: 'Media architecture every component must match' },
    firmware: {
      type: 'string',
      valueName: 'firmware',
      description: 'uefi or bios: checks the partition layout',
    },
    format: { type: 'string', valueName: 'format', description: 'text (default) or json' },
  },
  examples: [
    ['winguest lint autounattend.xml', 'human-readable findings'],
    ['winguest lint --arch arm64 --format json a.xml b.xml', 'for scripts and CI'],
  ],
  async run({ positionals, values, out, cwd }) {
    if (positionals.length === 0) throw new UsageError('Expected at least one answer file', 'lint');
    const format = (values.format ?? 'text') as string;
    if (format !== 'text' && format !== 'json')
      throw new UsageError(`--format ${JSON.stringify(format)} is not text or json`, 'lint');
    const arch = values.arch as string | undefined;
    if (arch !== undefined && arch !== 'amd64' && arch !== 'arm64') {
      throw new UsageError(`--arch ${JSON.stringify(arch)} is not amd64 or arm64`, 'lint');
    }
    const firmware = values.firmware as string | undefined;
    if (firmware !== undefined && firmware !== 'uefi' && firmware !== 'bios') {
      throw new UsageError(`--firmware ${JSON.stringify(firmware)} is not uefi or bios`, 'lint');
    }
    const reports: FileReport[] = [];
    for (const file of positionals) {
      try {
        const xml = decodeAnswerFile(await readFile(resolve(cwd, file)));
        const options = { ...(arch ? { arch } : {}), ...(firmware ? { firmware } : {}) } as Parameters<
          typeof lintAnswerFile
        >[1];
        reports.push({ file, findings: lintAnswerFile(xml, options) });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        reports.push({
          file,
          error: code === 'ENOENT' ? 'does not exist' : `cannot be read (${(error as Error).message})`,
          findings: [],
        });
      }
    }
    const failed = reports.some((r) => r.error || r.findings.some((f) => f.severity === 'error'));
    if (format === 'json') {
      out.json(reports);
      return failed ? 1 : 0;
    }
    const paint = { error: out.red, warning: out.yellow, info: out.dim } as Record<
      string,
      (t: string) => string
    >;
    const counts = { error: 0, warning: 0, info: 0 } as Record<string, number>;
    for (const report of reports) {
      if (report.error) {
        out.line(`${report.file}: ${out.red('error')} ${report.error}`);
        counts.error = (counts.error ?? 0) + 1;
      }
      for (const f of report.findings) {
        counts[f.severity] = (counts[f.severity] ?? 0) + 1;
        const severity = (paint[f.severity] ?? ((t: string) => t))(f.severity);
        out.line(`${report.file}:${f.line}:${f.column}  ${severity}  ${f.ruleId}  ${f.message}`);
        out.line(out.dim(`    see ${f.reference}`));
      }
    }
    out.info(
      `${reports.length} file(s): ${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} info`,
    );
    return failed ? 1 : 0;
  },
};
