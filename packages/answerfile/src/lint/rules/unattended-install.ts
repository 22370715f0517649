import { childOf, type XmlElement } from '../../parse/model';
import type { LintContext, LintRule, PlacedComponent } from '../lint-types';
import { setupPage, shellSetupPage } from '../references';
import {
  installArchitecture,
  installArchitectures,
  isTrue,
  select,
  shellSetup,
  trimmed,
  windowsSetup,
} from '../select';

/** One missing answer: where Setup stops, and the setting that answers it. */
interface Gap {
  severity: 'error' | 'warning';
  stop: string;
  fix: string;
  reference: string;
}

const of = (components: readonly PlacedComponent[], ...path: string[]) =>
  select(
    components.map((c) => c.element),
    ...path,
  );

/** What windowsPE leaves unanswered for one architecture's Microsoft-Windows-Setup components. */
function windowsPEGaps(setup: PlacedComponent[]): Gap[] {
  const gaps: Gap[] = [];
  if (!of(setup, 'UserData').some((u) => isTrue(u, 'AcceptEula'))) {
    gaps.push({
      severity: 'error',
      stop: 'the license terms page',
      fix: 'set UserData/AcceptEula to true',
      reference: setupPage('UserData/AcceptEula'),
    });
  }
  const osImage = of(setup, 'ImageInstall', 'OSImage');
  if (!osImage.some((o) => childOf(o, 'InstallTo') || isTrue(o, 'InstallToAvailablePartition'))) {
    gaps.push({
      severity: 'error',
      stop: '"Where do you want to install Windows?"',
      fix: 'add ImageInstall/OSImage/InstallTo (or InstallToAvailablePartition=true)',
      reference: setupPage('ImageInstall/OSImage/InstallTo'),
    });
  }
  const keys = of(setup, 'UserData', 'ProductKey', 'Key').filter((k) => (trimmed(k) ?? '') !== '');
  if (select(osImage, 'InstallFrom', 'MetaData').length === 0 && keys.length === 0) {
    gaps.push({
      severity: 'warning',
      stop: '"Select the operating system you want to install" on media with several editions',
      fix: 'select one with ImageInstall/OSImage/InstallFrom/MetaData (/IMAGE/NAME or /IMAGE/INDEX)',
      reference: setupPage('ImageInstall/OSImage/InstallFrom/MetaData'),
    });
  }
  return gaps;
}

/** Whether a Shell-Setup component answers OOBE's account page. */
function answersAccount(shell: XmlElement): boolean {
  const accounts = select([shell], 'UserAccounts');
  return (
    select(accounts, 'LocalAccounts', 'LocalAccount').length > 0 ||
    select(accounts, 'AdministratorPassword').length > 0 ||
    select(accounts, 'DomainAccounts').length > 0 ||
    select([shell], 'OOBE').some((oobe) => isTrue(oobe, 'SkipMachineOOBE'))
  );
}

/** Whether any windowsPE Microsoft-Windows-Setup component answers one of Setup's install pages. */
function drivesSetup(placed: readonly PlacedComponent[]): boolean {
  const setup = placed.filter((c) => c.pass === 'windowsPE' && c.name === windowsSetup);
  return ['UserData', 'ImageInstall', 'DiskConfiguration'].some((name) => of(setup, name).length > 0);
}

function gapsFor(
  context: LintContext,
  arch: string,
  placed: PlacedComponent[],
): [Gap[], XmlElement | undefined] {
  const { model } = context;
  const mine = placed.filter((c) => installArchitecture(c.processorArchitecture) === arch);
  // A windowsPE pass that answers nothing about the install (only Display or commands, as in the
  // unattend.xml of a Windows PE boot image) does not drive Setup: its pages are not checked.
  const windowsPE = drivesSetup(placed) ? model.settings.find((s) => s.pass === 'windowsPE') : undefined;
  const gaps: Gap[] = [];
  const setup = mine.filter((c) => c.pass === 'windowsPE' && c.name === windowsSetup);
  if (windowsPE && setup.length === 0) {
    gaps.push({
      severity: 'error',
      stop: 'the license terms and disk pages (windowsPE has no Microsoft-Windows-Setup component for it)',
      fix: 'add a Microsoft-Windows-Setup component to windowsPE',
      reference: setupPage('UserData'),
    });
  } else if (windowsPE) gaps.push(...windowsPEGaps(setup));
  const oobeSystem = model.settings.find((s) => s.pass === 'oobeSystem');
  const shells = mine.filter((c) => c.pass === 'oobeSystem' && c.name === shellSetup);
  if (oobeSystem && !shells.some((c) => answersAccount(c.element))) {
    gaps.push({
      severity: 'error',
      stop: "OOBE's account page",
      fix: 'create an account in Microsoft-Windows-Shell-Setup/UserAccounts (oobeSystem)',
      reference: shellSetupPage('UserAccounts'),
    });
  }
  if (windowsPE && !oobeSystem) {
    gaps.push({
      severity: 'warning',
      stop: 'the first OOBE page after installing (the file has no oobeSystem pass)',
      fix: 'add oobeSystem with Microsoft-Windows-Shell-Setup OOBE and UserAccounts answers, unless a person finishes OOBE',
      reference: shellSetupPage('OOBE'),
    });
  }
  const at = setup[0]?.element ?? windowsPE?.element ?? shells[0]?.element ?? oobeSystem?.element;
  return [gaps, at];
}

export const unattendedInstall: LintRule = {
  id: 'unattended-install',
  summary: 'Each architecture in the file gets disk, image, EULA and account answers: Setup does not stop.',
  reference: setupPage('UserData'),
  check(context) {
    const { components, options, report, model } = context;
    const archs = options.arch ? [options.arch] : installArchitectures(components);
    for (const arch of archs) {
      const [gaps, at] = gapsFor(context, arch, components);
      for (const gap of gaps) {
        report(
          at ?? model.root,
          gap.severity,
          `On ${arch} media Setup stops at ${gap.stop}; ${gap.fix} (processorArchitecture="${arch}").`,
          gap.reference,
        );
      }
    }
  },
};
