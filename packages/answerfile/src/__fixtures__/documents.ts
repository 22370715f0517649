import { publicKeyToken, unattendNamespace, wcmNamespace } from '../namespaces';

/** A component element with the usual attributes (override any with `attributes`). */
export function component(name: string, body: string, attributes: Record<string, string> = {}): string {
  const all = {
    name,
    processorArchitecture: 'amd64',
    publicKeyToken,
    language: 'neutral',
    versionScope: 'nonSxS',
    ...attributes,
  };
  const text = Object.entries(all)
    .map(([key, value]) => `${key}="${value}"`)
    .join(' ');
  return `<component ${text}>\n${body}\n</component>`;
}

/** A whole answer file with the given passes (pass name → inner XML). */
export function document(passes: Record<string, string>): string {
  const settings = Object.entries(passes).map(
    ([pass, body]) => `<settings pass="${pass}">\n${body}\n</settings>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>\n<unattend xmlns="${unattendNamespace}" xmlns:wcm="${wcmNamespace}">\n${settings.join('\n')}\n</unattend>\n`;
}

/** windowsPE Microsoft-Windows-Setup holding `body` and an accepted EULA. */
export function setup(body: string): string {
  return document({
    windowsPE: component(
      'Microsoft-Windows-Setup',
      `${body}\n<UserData><AcceptEula>true</AcceptEula></UserData>`,
    ),
  });
}

/** Microsoft-Windows-Shell-Setup in `pass` holding `body`. */
export function shell(pass: string, body: string): string {
  return document({ [pass]: component('Microsoft-Windows-Shell-Setup', body) });
}

/** One created partition: `[Type, Size in MB or "extend"]`. */
type Create = [string, number | 'extend'];

/** A windowsPE DiskConfiguration with `creates`, extra ModifyPartition XML, and InstallTo. */
export function disk(
  creates: Create[],
  options: { modify?: string; installTo?: [number, number]; order?: number[] } = {},
): string {
  const partitions = creates.map(([type, size], index) => {
    const extent = size === 'extend' ? '<Extend>true</Extend>' : `<Size>${size}</Size>`;
    return `<CreatePartition wcm:action="add"><Order>${options.order?.[index] ?? index + 1}</Order>${extent}<Type>${type}</Type></CreatePartition>`;
  });
  const [diskId, partitionId] = options.installTo ?? [0, creates.length];
  return setup(`<DiskConfiguration><Disk wcm:action="add"><DiskID>0</DiskID><WillWipeDisk>true</WillWipeDisk>
<CreatePartitions>${partitions.join('\n')}</CreatePartitions>
<ModifyPartitions>${options.modify ?? ''}</ModifyPartitions></Disk></DiskConfiguration>
<ImageInstall><OSImage><InstallTo><DiskID>${diskId}</DiskID><PartitionID>${partitionId}</PartitionID></InstallTo></OSImage></ImageInstall>`);
}
