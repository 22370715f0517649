import type { ByteSource } from './byte-source';
import type { MediaFileSystem } from './file-system';
import { openIso9660 } from './iso9660/iso-file-system';
import { openUdf } from './udf/udf-file-system';
import { hasUdfRecognition } from './udf/volume';

/**
 * Opens the file system of an install image: UDF when the image carries a UDF recognition sequence
 * (every Windows install ISO does), otherwise ISO 9660 with Joliet names when present.
 */
export async function openMediaFileSystem(image: ByteSource): Promise<MediaFileSystem> {
  return (await hasUdfRecognition(image)) ? openUdf(image) : openIso9660(image);
}
