import { isoPlaceholder } from './command-file-options';

/**
 * The argv as script lines, one option and its value per line. `quote` quotes literal text; `iso`
 * is the script's expression for the (comma-doubled) ISO path, spliced where the placeholder is;
 * `join` concatenates the pieces of one argument in the shell's syntax.
 */
export function argvLines(
  argv: readonly string[],
  quote: (text: string) => string,
  iso: string,
  join: (pieces: string[]) => string,
): string[] {
  const words = argv.map((arg) => {
    if (!arg.includes(isoPlaceholder)) return quote(arg);
    const [before = '', after = ''] = arg.split(isoPlaceholder);
    return join([...(before ? [quote(before)] : []), iso, ...(after ? [quote(after)] : [])]);
  });
  const lines: string[] = [];
  words.forEach((word, i) => {
    const pairsWithPrevious = i > 1 && argv[i - 1]?.startsWith('-') && !argv[i]?.startsWith('-');
    if (pairsWithPrevious) lines[lines.length - 1] += ` ${word}`;
    else lines.push(word);
  });
  return lines;
}
