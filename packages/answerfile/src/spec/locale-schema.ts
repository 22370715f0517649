import * as z from 'zod';
import { timeZoneProblem } from '../time-zone/time-zone';
import { checkWith, inputLocale, languageTag } from './fields';

/** Languages, keyboards and the time zone. Unset locales follow `uiLanguage`. */
export const localeSchema = z
  .strictObject({
    /** Display language; must be a language of the install media (24H2 Setup stops otherwise). */
    uiLanguage: languageTag.default('en-US').describe('Display language; must be one the install media has.'),
    /** Language of Setup's own screens; defaults to `uiLanguage`. */
    setupUiLanguage: languageTag.optional().describe("Language of Setup's screens; defaults to uiLanguage."),
    /** Keyboard layouts, first is the default ("de-DE" or "0407:00000407"); defaults to `uiLanguage`. */
    inputLocales: z
      .array(inputLocale)
      .min(1)
      .optional()
      .describe('Keyboard layouts, the first is the default; defaults to [uiLanguage].'),
    /** Language for non-Unicode programs; defaults to `uiLanguage`. */
    systemLocale: languageTag
      .optional()
      .describe('Language for non-Unicode programs; defaults to uiLanguage.'),
    /** Formats for dates, numbers and currency; defaults to `uiLanguage`. */
    userLocale: languageTag
      .optional()
      .describe('Formats for dates, numbers, currency; defaults to uiLanguage.'),
    /** A Windows time zone ID ("W. Europe Standard Time") or an IANA name ("Europe/Berlin"). */
    timeZone: z
      .string()
      .default('UTC')
      .superRefine(checkWith(timeZoneProblem))
      .describe('A Windows time zone ID ("W. Europe Standard Time") or an IANA name ("Europe/Berlin").'),
  })
  .prefault({})
  .describe('Languages, keyboards and the time zone.');
