import type { AnswerFileSpec } from '../spec/answer-file-spec';

/** The smallest valid spec: one administrator, every other field defaulted. */
export const minimalSpec: AnswerFileSpec = {
  identity: { accounts: [{ name: 'dev', password: 'pw' }] },
};

/** A spec that uses every field. */
export const fullWindows11Spec: AnswerFileSpec = {
  target: { arch: 'amd64', firmware: 'uefi', family: 'windows11' },
  edition: { name: 'Windows 11 Enterprise', productKey: 'nppr9-fwdcx-d2c8j-h872k-2yt43' },
  disk: { diskId: 1, wipe: true, espSizeMb: 260, recovery: { sizeMb: 1024 } },
  locale: {
    uiLanguage: 'en-US',
    inputLocales: ['de-DE', '0409:00000409'],
    systemLocale: 'de-DE',
    userLocale: 'de-DE',
    timeZone: 'Europe/Berlin',
  },
  identity: {
    computerName: 'build-agent-01',
    accounts: [
      { name: 'builder', password: 'correct horse', displayName: 'Build user', description: 'Runs CI jobs' },
      { name: 'viewer', password: '', group: 'Users' },
    ],
    administratorPassword: 'S3cret!',
    autoLogon: { username: 'builder', count: 1 },
  },
  oobe: { bypassNetworkRequirement: true },
  bypassHardwareChecks: true,
  driverPaths: ['D:\\drivers\\viostor'],
  commands: {
    windowsPE: [{ command: 'cmd.exe /c echo winpe', description: 'Say hello in WinPE' }],
    specialize: ['cmd.exe /c echo specialize'],
    firstLogon: [{ command: 'powershell.exe -NoProfile -File E:\\provision.ps1', description: 'Provision' }],
  },
  disableDynamicUpdate: true,
  progress: true,
};
