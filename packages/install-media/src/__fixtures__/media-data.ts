import type { WimImage, WindowsArch } from '../wim/wim-info';

/** An image record as `readWimInfo` returns it, for rule tests that need no real media. */
export function image(
  index: number,
  name: string,
  editionId: string,
  arch: WindowsArch,
  languages: string[],
): WimImage {
  return {
    index,
    name,
    description: name,
    displayName: name,
    displayDescription: undefined,
    editionId,
    flags: editionId,
    installationType: 'Client',
    productType: 'WinNT',
    arch,
    version: '10.0.26100.1742',
    build: 26100,
    languages,
    defaultLanguage: languages[0],
    size: 1,
  };
}

/** A German x64 consumer ISO as its install.wim lists it. */
export const germanX64 = {
  images: [
    image(1, 'Windows 11 Home', 'Core', 'amd64', ['de-DE']),
    image(2, 'Windows 11 Pro', 'Professional', 'amd64', ['de-DE']),
    image(3, 'Windows 11 Pro N', 'ProfessionalN', 'amd64', ['de-DE']),
    image(4, 'Windows 11 Education', 'Education', 'amd64', ['de-DE']),
  ],
};
