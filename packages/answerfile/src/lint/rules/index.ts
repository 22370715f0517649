import type { LintRule } from '../lint-types';
import {
  administratorAccount,
  autoLogonCount,
  computerName,
  passwordEncoding,
  reservedUserName,
  userName,
} from './accounts';
import { autoLogonEmptyPassword } from './autologon-empty-password';
import {
  componentAttributes,
  elementNamespace,
  rootElement,
  targetArchitecture,
  unknownPass,
} from './document';
import { commandOrder, listItemAction } from './lists';
import { partitionReference } from './partition-reference';
import { partitionOrder, partitionSize, partitionType } from './partitions';
import { unknownSetting } from './setting-known';
import { settingPass, unknownComponent } from './setting-pass';
import { deprecatedSetting, settingValue } from './setting-value';
import { structure } from './structure';
import { unattendedInstall } from './unattended-install';
import { emptyValue, productKey, timeZone, valueLength } from './values';

/** Every rule, in the order findings are produced (findings are then sorted by position). */
export const rules: readonly LintRule[] = [
  rootElement,
  elementNamespace,
  unknownPass,
  structure,
  componentAttributes,
  targetArchitecture,
  settingPass,
  unknownComponent,
  unknownSetting,
  settingValue,
  listItemAction,
  commandOrder,
  valueLength,
  emptyValue,
  productKey,
  timeZone,
  computerName,
  userName,
  reservedUserName,
  administratorAccount,
  passwordEncoding,
  autoLogonCount,
  autoLogonEmptyPassword,
  partitionOrder,
  partitionSize,
  partitionType,
  partitionReference,
  unattendedInstall,
  deprecatedSetting,
];
