import type { z } from 'zod';
import { checkSpec } from './check-spec';
import { resolveSpec } from './resolve-spec';
import { specFieldsSchema } from './spec-fields';

/**
 * The whole description of an unattended install. Parsing it validates every field (reporting all
 * problems with their paths), applies defaults, maps the time zone to a Windows ID and applies the
 * family's defaults; the output is a {@link ResolvedAnswerFileSpec}.
 */
export const answerFileSpecSchema = specFieldsSchema
  .superRefine(checkSpec)
  .transform(resolveSpec)
  .describe('An unattended Windows install (winguest answer file spec).');

/** What callers write: every field with a default may be left out. */
export type AnswerFileSpec = z.input<typeof answerFileSpecSchema>;

/** The validated spec with every default applied and the time zone mapped to a Windows ID. */
export type ResolvedAnswerFileSpec = z.output<typeof answerFileSpecSchema>;
