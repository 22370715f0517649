import type { AnswerFileSpec } from '../spec/answer-file-spec';
import { resolveAnswerFileSpec } from '../spec/validate-spec';
import { type GeneralizeOptions, renderGeneralize } from './generalize';
import { renderOobeSystem } from './oobe-system';
import { renderSpecialize } from './specialize';
import { element, serializeXml } from './xml-tree';

/**
 * Renders the answer file handed to `sysprep /generalize /oobe /unattend:<file>` when an installed
 * guest becomes an image: the generalize, specialize and oobeSystem passes only (no windowsPE: the
 * disk already holds Windows). Each clone then runs specialize and oobeSystem with it: its computer
 * name, time zone and SYSTEM commands, then the OOBE skips, accounts (passwords encoded), AutoLogon
 * and FirstLogonCommands of `spec`. Pure and deterministic like {@link renderAnswerFile}.
 *
 * @throws AnswerFileSpecError listing every problem of an invalid spec.
 */
export function renderGeneralizedAnswerFile(spec: AnswerFileSpec, options: GeneralizeOptions = {}): string {
  const resolved = resolveAnswerFileSpec(spec);
  return serializeXml(
    element(
      'unattend',
      renderGeneralize(resolved, options),
      renderSpecialize(resolved),
      renderOobeSystem(resolved),
    ),
  );
}
