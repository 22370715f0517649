import { createIsoStream } from '../create-iso-stream';
import type { IsoLayout } from '../layout';

/** A small valid image (Joliet, one sub-directory, two files) built in memory by our writer. */
export async function smallImage(layout: IsoLayout = defaultLayout): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of await createIsoStream(layout)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

const defaultLayout: IsoLayout = [
  { type: 'file', path: 'autounattend.xml', source: '<unattend/>\n' },
  { type: 'file', path: 'winguest/first-logon.ps1', source: 'Write-Output ok\r\n' },
];
