import { CidataIsoError } from '../errors';

/** The external tool is not on PATH; the message names what was looked for and how to install it. */
export class IsoToolNotFoundError extends CidataIsoError {
  readonly tool: string;

  constructor(tool: string, install: string, searched: string) {
    super(
      'tool-not-found',
      `${tool} was not found on PATH (searched: ${searched || '(empty PATH)'}). ${install} Or use writeIso from @winguest/cidata-iso, which needs no tool.`,
    );
    this.name = 'IsoToolNotFoundError';
    this.tool = tool;
  }
}

/** The external tool ran and failed; the destination was left untouched. */
export class IsoToolFailedError extends CidataIsoError {
  readonly tool: string;
  readonly exitCode: number | undefined;

  constructor(tool: string, exitCode: number | undefined, stderr: string) {
    const tail = stderr.trim().split('\n').slice(-5).join('\n');
    super('tool-failed', `${tool} failed (exit code ${exitCode ?? 'none'}): ${tail || '(no output)'}`);
    this.name = 'IsoToolFailedError';
    this.tool = tool;
    this.exitCode = exitCode;
  }
}
