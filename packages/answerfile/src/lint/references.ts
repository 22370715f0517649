import { referenceBase } from './setup-table-types';

/** Microsoft's pages the rules cite when no setting page fits. */
export const answerFilesPage =
  'https://learn.microsoft.com/en-us/windows-hardware/manufacture/desktop/update-windows-settings-and-scripts-create-your-own-answer-file-sxs';
export const passesPage =
  'https://learn.microsoft.com/en-us/windows-hardware/manufacture/desktop/windows-setup-configuration-passes';
export const componentsPage = `${referenceBase}components-b-unattend`;

/** The page of a setting of Microsoft-Windows-Setup or Microsoft-Windows-Shell-Setup, by its path. */
export const setupPage = (path: string): string =>
  `${referenceBase}microsoft-windows-setup-${path.toLowerCase().replaceAll('/', '-')}`;
export const shellSetupPage = (path: string): string =>
  `${referenceBase}microsoft-windows-shell-setup-${path.toLowerCase().replaceAll('/', '-')}`;
