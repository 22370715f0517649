import * as z from 'zod';
import { textProblem } from '../names';

/** Adds a custom issue when `problem(value)` returns a message. */
export function checkWith<T>(problem: (value: T) => string | undefined) {
  return (value: T, ctx: z.RefinementCtx) => {
    const message = problem(value);
    if (message) ctx.addIssue({ code: 'custom', message, input: value });
  };
}

/**
 * A one-line answer-file value of at most `max` characters (Windows' limit for `element`), without
 * characters XML or Setup cannot carry.
 */
export function lineOfText(max: number, element: string) {
  return z
    .string()
    .min(1, { error: `is empty; <${element}> must not be empty` })
    .superRefine(
      checkWith((value: string) => {
        if (value.length > max) {
          return `is ${value.length} characters long; <${element}> allows at most ${max}`;
        }
        const problem = textProblem(value);
        return problem ? `${JSON.stringify(value)} ${problem}` : undefined;
      }),
    );
}

/** A BCP 47 language tag such as "en-US" or "de-DE". */
export const languageTag = z
  .string()
  .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, { error: 'is not a language tag like "en-US"' });

/** An input locale: a language tag ("de-DE") or a keyboard pair ("0407:00000407"). */
export const inputLocale = z
  .string()
  .regex(
    /^([a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*|[0-9a-fA-F]{4}:[0-9a-fA-F]{8}|[0-9a-fA-F]{4}:\{[0-9a-fA-F-]{36}\}\{[0-9a-fA-F-]{36}\})$/,
    {
      error: 'is not an input locale like "de-DE" or "0407:00000407"',
    },
  );

/** A command for one of the command lists: the command text alone, or with a description. */
export function commandSchema(max: number, element: string) {
  return z.union([
    lineOfText(max, element),
    z.strictObject({
      /** The command line Windows runs. */
      command: lineOfText(max, element).describe('The command line Windows runs.'),
      /** Shown in Setup's logs. */
      description: lineOfText(256, 'Description').optional().describe('Shown in Setup logs.'),
    }),
  ]);
}
