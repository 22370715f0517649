import { ianaZonesOf, isWindowsTimeZone, toWindowsTimeZone } from '../../time-zone/time-zone';
import type { LintRule } from '../lint-types';
import { answerFilesPage, setupPage, shellSetupPage } from '../references';
import { componentsNamed, settingsIn, shellSetup, trimmed, walkWithParent, windowsSetup } from '../select';

const commandItems = new Set([
  'RunSynchronousCommand',
  'RunAsynchronousCommand',
  'SynchronousCommand',
  'AsynchronousCommand',
]);

/** Maximum lengths Microsoft documents, by element and the parent it must be in. */
const limits: { name: string; parents: Set<string>; max: number }[] = [
  { name: 'CommandLine', parents: commandItems, max: 1024 },
  { name: 'Description', parents: commandItems, max: 256 },
  { name: 'Path', parents: new Set(['RunSynchronousCommand', 'RunAsynchronousCommand']), max: 259 },
];

export const valueLength: LintRule = {
  id: 'value-length',
  summary: 'CommandLine ≤ 1024, Description ≤ 256, Deployment command Path ≤ 259 characters.',
  reference: shellSetupPage('FirstLogonCommands/SynchronousCommand/CommandLine'),
  check(context) {
    const deployment = componentsNamed(context, 'Microsoft-Windows-Deployment').map((c) => c.element);
    for (const [element, parent] of walkWithParent(context.model.root)) {
      const limit = limits.find((l) => l.name === element.name && l.parents.has(parent.name));
      if (!limit || element.text.length <= limit.max) continue;
      if (limit.name === 'Path' && !deployment.some((d) => element.path.startsWith(`${d.path}/`))) continue;
      context.report(
        element,
        'error',
        `<${element.name}> is ${element.text.length} characters long; Windows allows at most ${limit.max}. Shorten it (e.g. move the work into a script).`,
      );
    }
  },
};

/** Leaf elements that must hold a value, by name and (when it matters) parent. */
const required: Record<string, string | undefined> = {
  Key: undefined,
  Path: undefined,
  CommandLine: undefined,
  Value: 'MetaData',
  Name: 'LocalAccount',
  ComputerName: undefined,
  TimeZone: undefined,
  UILanguage: undefined,
  InputLocale: undefined,
  SystemLocale: undefined,
  UserLocale: undefined,
  Username: undefined,
  Group: undefined,
};

export const emptyValue: LintRule = {
  id: 'empty-value',
  summary: 'Values that only make sense with text (a product key, a path, a command, a name) are not empty.',
  reference: setupPage('UserData/ProductKey'),
  check({ model, report }) {
    for (const [element, parent] of walkWithParent(model.root)) {
      if (!Object.hasOwn(required, element.name) || element.children.length > 0 || element.text.trim() !== '')
        continue;
      const parentName = required[element.name];
      if (parentName !== undefined && parent.name !== parentName) continue;
      if (element.name === 'Key' && parent.name === 'ProductKey') {
        report(
          element,
          'warning',
          'ProductKey/Key is empty: Setup treats it as no key (on media that needs one it asks for it). Remove <Key/> and keep <WillShowUI>OnError</WillShowUI>, or give the key.',
        );
        continue;
      }
      report(
        element,
        'warning',
        `<${parent.name}/${element.name}> is empty; give it a value or remove the element.`,
        answerFilesPage,
      );
    }
  },
};

export const productKey: LintRule = {
  id: 'product-key',
  summary: 'Product keys have the form XXXXX-XXXXX-XXXXX-XXXXX-XXXXX.',
  reference: setupPage('UserData/ProductKey/Key'),
  check(context) {
    const keys = [
      ...settingsIn(context, windowsSetup, 'UserData', 'ProductKey', 'Key'),
      ...settingsIn(context, shellSetup, 'ProductKey'),
    ];
    for (const key of keys) {
      const text = trimmed(key) ?? '';
      if (text === '' || key.children.length > 0) continue;
      if (!/^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){4}$/.test(text)) {
        context.report(
          key,
          'error',
          `Product key "${text}" is not of the form XXXXX-XXXXX-XXXXX-XXXXX-XXXXX; Setup rejects it.`,
        );
      }
    }
  },
};

export const timeZone: LintRule = {
  id: 'time-zone',
  summary: 'TimeZone holds a Windows time zone ID, not an IANA name.',
  reference: shellSetupPage('TimeZone'),
  check(context) {
    for (const element of settingsIn(context, shellSetup, 'TimeZone')) {
      const zone = trimmed(element) ?? '';
      if (zone === '' || isWindowsTimeZone(zone)) continue;
      const windowsId = toWindowsTimeZone(zone);
      if (windowsId) {
        context.report(
          element,
          'warning',
          `TimeZone "${zone}" is an IANA name, not a Windows time zone ID, so Windows does not set it; use "${windowsId}".`,
        );
      } else {
        context.report(
          element,
          'warning',
          `TimeZone "${zone}" is not a Windows time zone ID known to CLDR (e.g. "UTC", "W. Europe Standard Time" for ${ianaZonesOf('W. Europe Standard Time')[0]}).`,
        );
      }
    }
  },
};
