import type { CheckDefinition } from './check.ts';
import { firstValue, parseKeyValues } from './key-values.ts';

// Every local group the SSH user is a member of, by SID and by (localised) name.
const windowsScript = `$user = [Environment]::UserName
'user=' + $user
foreach ($group in Get-LocalGroup) {
    $members = @(Get-LocalGroupMember -Group $group -ErrorAction SilentlyContinue | Where-Object { $_.Name -like ('*\\' + $user) })
    if ($members.Count -gt 0) { 'group=' + $group.SID.Value; 'group=' + $group.Name }
}`;

/** SSH logs in as the configured account, and that account is in the expected group. */
export const userGroupsCheck: CheckDefinition = {
  id: 'user-groups',
  title: 'SSH user is the configured account, member of the expected group',
  script: {
    windows: () => windowsScript,
    standin: () => 'echo "user=$(id -un)"; for g in $(id -Gn); do echo "group=$g"; done',
  },
  evaluate(output, { scenario }) {
    const values = parseKeyValues(output);
    const user = firstValue(values, 'user');
    const groups = values.get('group') ?? [];
    const { user: expectedUser, group: expectedGroup } = scenario.expect;
    const userOk = user?.toLowerCase() === expectedUser.toLowerCase();
    const groupOk = groups.some((group) => group.toLowerCase() === expectedGroup.toLowerCase());
    return {
      passed: userOk && groupOk,
      detail: `user ${JSON.stringify(user ?? null)} (expected ${JSON.stringify(expectedUser)}), ${
        groupOk ? 'member of' : 'NOT member of'
      } ${expectedGroup}; groups: ${groups.join(', ') || 'none'}`,
    };
  },
};
