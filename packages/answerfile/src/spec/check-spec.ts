import type { z } from 'zod';
import type { SpecFields } from './spec-fields';

/** Commands winguest may add to one list itself (hardware-check bypass, progress line). */
const maxGeneratedCommands = 4;

type Report = (path: (string | number)[], message: string, input: unknown) => void;

/** Checks that span fields; every problem is reported, each at the path of the value at fault. */
export function checkSpec(spec: SpecFields, ctx: z.RefinementCtx): void {
  const report: Report = (path, message, input) => ctx.addIssue({ code: 'custom', path, message, input });
  checkEdition(spec, report);
  checkAccounts(spec, report);
  checkAutoLogon(spec, report);
  for (const pass of ['windowsPE', 'specialize', 'firstLogon'] as const) {
    const count = spec.commands[pass].length;
    if (count + maxGeneratedCommands > 500) {
      const message = `has ${count} commands; at most ${500 - maxGeneratedCommands} fit (Order is 1..500 and winguest may add ${maxGeneratedCommands})`;
      report(['commands', pass], message, count);
    }
  }
}

function checkEdition({ edition }: SpecFields, report: Report): void {
  const given = (['name', 'index', 'description'] as const).filter((key) => edition[key] !== undefined);
  if (given.length > 1) {
    report(['edition'], `gives ${given.join(' and ')}; choose the image by one of them only`, edition);
  }
}

function checkAccounts({ identity }: SpecFields, report: Report): void {
  const seen = new Map<string, number>();
  identity.accounts.forEach((account, index) => {
    const key = account.name.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      const message = `${JSON.stringify(account.name)} is already the name of accounts[${first}]; names must be unique`;
      report(['identity', 'accounts', index, 'name'], message, account.name);
    } else seen.set(key, index);
  });
  if (identity.accounts.length > 0 && !identity.accounts.some((a) => a.group === 'Administrators')) {
    const message = 'has no account in the Administrators group; make at least one an administrator';
    report(['identity', 'accounts'], message, identity.accounts.length);
  }
}

function checkAutoLogon({ identity }: SpecFields, report: Report): void {
  const username = identity.autoLogon?.username;
  if (username === undefined) return;
  const lower = username.toLowerCase();
  if (identity.accounts.some((a) => a.name.toLowerCase() === lower)) return;
  if (lower === 'administrator' && identity.administratorPassword !== undefined) return;
  const names = identity.accounts.map((a) => JSON.stringify(a.name)).join(', ');
  const message = `${JSON.stringify(username)} is not one of the accounts (${names}); use one of them, or "Administrator" with administratorPassword`;
  report(['identity', 'autoLogon', 'username'], message, username);
}
