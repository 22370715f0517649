import type { Pass } from '../namespaces';

/**
 * Where each setting of the components winguest writes (and other common ones) may appear, from
 * Microsoft's Unattended Windows Setup Reference. `settings` lists top-level settings whose passes
 * differ; a component's other settings take `passes`. Components not listed are reported as
 * unknown (info), never as errors.
 */
export interface ComponentPasses {
  /** Passes valid for the component (and for settings not listed in `settings`). */
  passes: readonly Pass[];
  /** Top-level settings with their own passes; when given, settings not listed are reported as unknown. */
  settings?: Readonly<Record<string, readonly Pass[]>>;
}

const anyOobe: readonly Pass[] = ['specialize', 'oobeSystem', 'auditSystem'];

export const componentTable: Readonly<Record<string, ComponentPasses>> = {
  'Microsoft-Windows-Setup': { passes: ['windowsPE'] },
  'Microsoft-Windows-International-Core-WinPE': { passes: ['windowsPE'] },
  'Microsoft-Windows-PnpCustomizationsWinPE': { passes: ['windowsPE'] },
  'Microsoft-Windows-PnpCustomizationsNonWinPE': { passes: ['offlineServicing', 'auditSystem'] },
  'Microsoft-Windows-International-Core': { passes: ['specialize', 'oobeSystem'] },
  'Microsoft-Windows-Shell-Setup': {
    passes: ['offlineServicing', 'specialize', 'oobeSystem', 'auditSystem'],
    settings: {
      AutoLogon: anyOobe,
      ComputerName: ['offlineServicing', 'specialize'],
      CopyProfile: ['specialize'],
      DisableAutoDaylightTimeSet: ['specialize', 'oobeSystem'],
      Display: anyOobe,
      FirstLogonCommands: ['oobeSystem'],
      LogonCommands: ['oobeSystem'],
      OEMInformation: ['offlineServicing', ...anyOobe],
      OOBE: ['oobeSystem'],
      ProductKey: ['specialize'],
      RegisteredOrganization: ['offlineServicing', ...anyOobe],
      RegisteredOwner: ['offlineServicing', ...anyOobe],
      Themes: anyOobe,
      TimeZone: anyOobe,
      UserAccounts: ['oobeSystem', 'auditSystem'],
      VisualEffects: anyOobe,
      WindowsFeatures: anyOobe,
    },
  },
  'Microsoft-Windows-Deployment': {
    passes: ['generalize', 'specialize', 'auditSystem', 'auditUser', 'oobeSystem'],
    settings: {
      Generalize: ['generalize'],
      Reseal: ['auditSystem', 'auditUser', 'oobeSystem'],
      RunAsynchronous: ['specialize', 'auditUser'],
      RunSynchronous: ['specialize', 'auditUser'],
    },
  },
  'Microsoft-Windows-UnattendedJoin': { passes: ['specialize'] },
  'Microsoft-Windows-TCPIP': { passes: ['windowsPE', 'specialize'] },
  'Microsoft-Windows-DNS-Client': { passes: ['windowsPE', 'specialize'] },
  'Microsoft-Windows-TerminalServices-LocalSessionManager': {
    passes: ['offlineServicing', 'generalize', 'specialize'],
  },
  'Microsoft-Windows-Security-SPP': { passes: ['generalize'] },
  'Microsoft-Windows-Security-SPP-UX': { passes: ['specialize'] },
  'Microsoft-Windows-PnpSysprep': { passes: ['generalize'] },
  'Microsoft-Windows-ServerManager-SvrMgrNc': { passes: ['specialize'] },
  'Microsoft-Windows-IE-ESC': { passes: ['specialize'] },
};
