import type { Pass } from '../namespaces';

/** What Setup accepts as the text of a value setting. */
export type SettingType = 'boolean' | 'integer' | 'string';

/** One setting of a component, by its path below the component (`UserData/ProductKey/Key`). */
export interface SettingFacts {
  /** Passes in which Setup reads it; absent: those of the nearest listed parent or the component. */
  passes?: readonly Pass[];
  /** A value setting; absent for containers (settings with child settings). */
  type?: SettingType;
  /** Values Setup accepts (compared case-insensitively). */
  values?: readonly string[];
  /** Smallest and largest integer Setup accepts. */
  min?: number;
  max?: number;
  /** An item of a list: repeated, and carries `wcm:action`. */
  list?: true;
  /** Children not listed in the table are not reported (the table lists only some of them). */
  open?: true;
  /** Why it is deprecated and what to use instead, as the reference says. */
  deprecated?: string;
  /** The reference page (on every top-level setting; nested settings use their top-level's page). */
  reference?: string;
}

/** What the reference says about one component. */
export interface ComponentFacts {
  /** Passes in which the component (and settings without their own `passes`) is read. */
  passes: readonly Pass[];
  /** The component's reference page. */
  reference: string;
  /** Top-level settings not listed are not reported as unknown (only part of the component is listed). */
  open?: true;
  /** Settings by path below the component, containers and list items included. */
  settings: Readonly<Record<string, SettingFacts>>;
}

/** The base of every page of Microsoft's Unattended Windows Setup Reference. */
export const referenceBase = 'https://learn.microsoft.com/en-us/windows-hardware/customize/desktop/unattend/';
