/**
 * Reference readers for the documented quoting rules of PowerShell and cmd.exe + the Microsoft C
 * runtime, used to check `formatCommand` where the real shells are not available.
 */

const psQuotes = /['\u2018-\u201b]/;

/**
 * PowerShell (about_Quoting_Rules, about_Parsing): a leading `&` call operator; tokens separated by
 * spaces; a single-quoted token is verbatim except that two quote characters (any of ' ‘ ’ ‚ ‛)
 * stand for one.
 */
export function parsePowershell(line: string): string[] {
  if (!line.startsWith('& ')) throw new Error('expected the & call operator');
  const args: string[] = [];
  let i = 2;
  while (i < line.length) {
    if (psQuotes.test(line[i] as string)) {
      let value = '';
      i++;
      for (;;) {
        if (i >= line.length) throw new Error('unterminated quote');
        const c = line[i] as string;
        if (psQuotes.test(c)) {
          if (psQuotes.test(line[i + 1] ?? '')) {
            value += c;
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += c;
        i++;
      }
      args.push(value);
    } else {
      const end = line.indexOf(' ', i);
      args.push(line.slice(i, end === -1 ? undefined : end));
      i = end === -1 ? line.length : end;
    }
    if (line[i] === ' ') i++;
  }
  return args;
}

/** cmd.exe's escape phase: outside quotes, `^x` is `x`. Throws on an unescaped metacharacter. */
export function cmdUnescape(line: string): string {
  let out = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (c === '^') {
      out += line[++i] ?? '';
    } else if ('()%!"<>&|'.includes(c)) {
      throw new Error(`unescaped cmd metacharacter ${c} at ${i}`);
    } else out += c;
  }
  return out;
}

/**
 * The Microsoft C runtime's argument parser ("Parsing C command-line arguments"): whitespace
 * separates; `"` toggles quoting; 2n backslashes + `"` → n backslashes and a toggle; 2n+1
 * backslashes + `"` → n backslashes and a literal `"`; other backslashes are literal.
 */
export function parseCrt(line: string): string[] {
  const args: string[] = [];
  let current = '';
  let inArg = false;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (c === '\\') {
      let n = 0;
      while (line[i + n] === '\\') n++;
      if (line[i + n] === '"') {
        current += '\\'.repeat(Math.floor(n / 2));
        if (n % 2 === 1) current += '"';
        else quoted = !quoted;
        i += n;
      } else {
        current += '\\'.repeat(n);
        i += n - 1;
      }
      inArg = true;
    } else if (c === '"') {
      quoted = !quoted;
      inArg = true;
    } else if ((c === ' ' || c === '\t') && !quoted) {
      if (inArg) args.push(current);
      current = '';
      inArg = false;
    } else {
      current += c;
      inArg = true;
    }
  }
  if (inArg) args.push(current);
  return args;
}
