import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readConfig } from './create-instance';
import { instancePaths } from './instance-paths';

/** Names of the instances under `home` whose disk is an overlay on image `image`, sorted. */
export function instancesUsingImage(home: string, image: string): string[] {
  let names: string[];
  try {
    names = readdirSync(join(home, 'instances')).sort();
  } catch {
    return [];
  }
  return names.filter((name) => readConfig(instancePaths(name, home))?.image === image);
}
