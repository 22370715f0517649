import type { ResolvedAnswerFileSpec } from '../spec/answer-file-spec';
import { runSynchronous } from './command-lists';
import { component, settings } from './component';
import { renderDiskConfiguration } from './disk-configuration';
import { hardwareCheckBypassCommands, progressCommand } from './generated-commands';
import { element, listItem, value, type XmlTree } from './xml-tree';

function internationalCoreWinPE({ locale }: ResolvedAnswerFileSpec): XmlTree[] {
  return [
    element('SetupUILanguage', value('UILanguage', locale.setupUiLanguage)),
    value('InputLocale', locale.inputLocales.join(';')),
    value('SystemLocale', locale.systemLocale),
    value('UILanguage', locale.uiLanguage),
    value('UserLocale', locale.userLocale),
  ];
}

function driverPaths({ driverPaths }: ResolvedAnswerFileSpec): XmlTree | undefined {
  if (driverPaths.length === 0) return undefined;
  const items = driverPaths.map((path, index) =>
    listItem('PathAndCredentials', [value('Path', path)], String(index + 1)),
  );
  return element('DriverPaths', ...items);
}

function userData({ edition }: ResolvedAnswerFileSpec): XmlTree {
  const key = edition.productKey === undefined ? undefined : value('Key', edition.productKey);
  return element(
    'UserData',
    value('AcceptEula', true),
    element('ProductKey', key, value('WillShowUI', 'OnError')),
  );
}

function setup(spec: ResolvedAnswerFileSpec): XmlTree[] {
  const { disk, installTo } = renderDiskConfiguration(spec);
  const commands = [
    ...(spec.progress ? [progressCommand('windowsPE')] : []),
    ...(spec.bypassHardwareChecks ? hardwareCheckBypassCommands() : []),
    ...spec.commands.windowsPE,
  ];
  const metaData = listItem('MetaData', [value('Key', spec.edition.key), value('Value', spec.edition.value)]);
  const dynamicUpdate = element('DynamicUpdate', value('Enable', false), value('WillShowUI', 'OnError'));
  return [
    disk,
    spec.disableDynamicUpdate ? dynamicUpdate : undefined,
    element(
      'ImageInstall',
      element('OSImage', element('InstallFrom', metaData), installTo, value('WillShowUI', 'OnError')),
    ),
    runSynchronous(commands),
    userData(spec),
  ].filter((child): child is XmlTree => child !== undefined);
}

/** The windowsPE pass: languages, drivers, disk, image, commands and EULA. */
export function renderWindowsPE(spec: ResolvedAnswerFileSpec): XmlTree | undefined {
  const arch = spec.target.arch;
  return settings('windowsPE', [
    component('Microsoft-Windows-International-Core-WinPE', arch, internationalCoreWinPE(spec)),
    component('Microsoft-Windows-PnpCustomizationsWinPE', arch, [driverPaths(spec)]),
    component('Microsoft-Windows-Setup', arch, setup(spec)),
  ]);
}
