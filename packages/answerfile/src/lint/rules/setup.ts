import { childOf } from '../../parse/model';
import type { LintRule } from '../lint-types';
import { componentsNamed, elementsOf, isTrue, select, windowsSetup } from '../select';

export const acceptEula: LintRule = {
  id: 'accept-eula',
  summary: 'A file that drives windowsPE accepts the EULA (UserData/AcceptEula=true).',
  check(context) {
    const windowsPE = context.model.settings.filter((s) => s.pass === 'windowsPE');
    if (windowsPE.length === 0) return;
    const setup = elementsOf(componentsNamed(context, windowsSetup, ['windowsPE']));
    const userData = select(setup, 'UserData');
    if (userData.some((u) => isTrue(u, 'AcceptEula'))) return;
    const at = userData[0] ?? setup[0] ?? windowsPE[0]?.element;
    const found = userData[0] && childOf(userData[0], 'AcceptEula') ? 'is not true' : 'is missing';
    if (at)
      context.report(
        at,
        'error',
        `Microsoft-Windows-Setup/UserData/AcceptEula ${found}; Setup stops at the license page. Set it to true.`,
      );
  },
};
