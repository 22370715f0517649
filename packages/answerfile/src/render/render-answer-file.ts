import type { AnswerFileSpec } from '../spec/answer-file-spec';
import { resolveAnswerFileSpec } from '../spec/validate-spec';
import { renderOobeSystem } from './oobe-system';
import { renderSpecialize } from './specialize';
import { renderWindowsPE } from './windows-pe';
import { element, serializeXml } from './xml-tree';

/**
 * Renders `autounattend.xml` for a spec. Pure and deterministic: equal specs give byte-identical
 * text. Passes and components come in a fixed order, namespaces are declared once on the root, and
 * text values are written exactly as given. Passwords are written encoded (`PlainText=false`).
 *
 * @throws AnswerFileSpecError listing every problem of an invalid spec.
 */
export function renderAnswerFile(spec: AnswerFileSpec): string {
  const resolved = resolveAnswerFileSpec(spec);
  return serializeXml(
    element('unattend', renderWindowsPE(resolved), renderSpecialize(resolved), renderOobeSystem(resolved)),
  );
}
