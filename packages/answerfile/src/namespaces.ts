/** The namespace of every element of an answer file. */
export const unattendNamespace = 'urn:schemas-microsoft-com:unattend';

/** The namespace of the `wcm:action` / `wcm:keyValue` list attributes. */
export const wcmNamespace = 'http://schemas.microsoft.com/WMIConfig/2002/State';

/** The only public key token Windows components carry. */
export const publicKeyToken = '31bf3856ad364e35';

/** Configuration passes in the order Windows runs them. */
export const passes = [
  'windowsPE',
  'offlineServicing',
  'generalize',
  'specialize',
  'auditSystem',
  'auditUser',
  'oobeSystem',
] as const;

/** A configuration pass. */
export type Pass = (typeof passes)[number];
