import { publicKeyToken } from '../namespaces';
import type { XmlTree } from './xml-tree';

/** A `<component>` with the attributes every Windows component carries; empty ones are dropped. */
export function component(
  name: string,
  arch: string,
  children: (XmlTree | undefined)[],
): XmlTree | undefined {
  const present = children.filter((child): child is XmlTree => child !== undefined);
  if (present.length === 0) return undefined;
  return {
    name: 'component',
    attributes: {
      name,
      processorArchitecture: arch,
      publicKeyToken,
      language: 'neutral',
      versionScope: 'nonSxS',
    },
    children: present,
  };
}

/** A `<settings pass=…>`; passes without components are dropped. */
export function settings(pass: string, components: (XmlTree | undefined)[]): XmlTree | undefined {
  const present = components.filter((child): child is XmlTree => child !== undefined);
  if (present.length === 0) return undefined;
  return { name: 'settings', attributes: { pass }, children: present };
}
