import type { PowerShellCode } from '../powershell-code';

/** A step ready to place into the script: its functions (if any) and the body of its run. */
export interface RenderedStep {
  /** The name reported in progress lines. */
  name: string;
  /** Functions only this step uses, defined once after the shared helpers. */
  helpers?: PowerShellCode;
  /** The statements the step runs inside Invoke-WinguestStep. */
  body: PowerShellCode;
}
