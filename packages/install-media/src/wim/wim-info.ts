import { maxWimXmlBytes } from '../_limits';
import type { ByteSource } from '../byte-source';
import { WimError } from '../errors';
import { parseXml, textAt, type XmlElement } from './_xml';
import { parseWimHeader, type WimHeader, wimHeaderSize } from './wim-header';

/** Processor architecture of an image, from the WIM `ARCH` code (0, 5, 6, 9, 12). */
export type WindowsArch = 'x86' | 'arm' | 'ia64' | 'amd64' | 'arm64';

const archCodes: Record<string, WindowsArch> = { 0: 'x86', 5: 'arm', 6: 'ia64', 9: 'amd64', 12: 'arm64' };

/** One image (edition) in a WIM/ESD/SWM, as its XML metadata describes it. */
export interface WimImage {
  /** 1-based index, as `/IMAGE/INDEX` in an answer file and `wiminfo` use it. */
  index: number;
  /** `NAME`, e.g. `Windows 11 Pro` (what `/IMAGE/NAME` matches). */
  name: string;
  /** `DESCRIPTION` (what `/IMAGE/DESCRIPTION` matches). */
  description: string | undefined;
  /** `DISPLAYNAME`, the localized name Setup shows. */
  displayName: string | undefined;
  /** `DISPLAYDESCRIPTION`. */
  displayDescription: string | undefined;
  /** `WINDOWS/EDITIONID`, e.g. `Professional`, `Core`, `ServerDatacenter`. */
  editionId: string | undefined;
  /** `FLAGS`, usually the edition ID again. */
  flags: string | undefined;
  /** `WINDOWS/INSTALLATIONTYPE`: `Client`, `Server`, `Server Core`, … */
  installationType: string | undefined;
  /** `WINDOWS/PRODUCTTYPE`: `WinNT`, `ServerNT`, … */
  productType: string | undefined;
  /** Architecture from `WINDOWS/ARCH`; undefined when absent or unknown. */
  arch: WindowsArch | undefined;
  /** `WINDOWS/VERSION` as `major.minor.build.spbuild`, e.g. `10.0.26100.1742`. */
  version: string | undefined;
  /** `WINDOWS/VERSION/BUILD`, e.g. 26100. */
  build: number | undefined;
  /** `WINDOWS/LANGUAGES/LANGUAGE` values, e.g. `['en-US']`. */
  languages: string[];
  /** `WINDOWS/LANGUAGES/DEFAULT`. */
  defaultLanguage: string | undefined;
  /** `TOTALBYTES`: bytes of file data once applied. */
  size: number;
}

/** What the header and XML metadata of a WIM/ESD/SWM say. */
export interface WimInfo {
  header: WimHeader;
  images: WimImage[];
}

/** Reads the header and the XML metadata resource only: never an image's data. */
export async function readWimInfo(wim: ByteSource, file = 'install.wim'): Promise<WimInfo> {
  const header = parseWimHeader(await wim.read(0, wimHeaderSize), file);
  const { xml } = header;
  if (xml.storedSize === 0) return { header, images: [] };
  if (xml.flags & 0x04 || xml.storedSize !== xml.originalSize) {
    throw new WimError(
      'unsupported-wim',
      `${file}: the XML metadata is compressed, which this reader does not support.`,
    );
  }
  if (xml.storedSize > maxWimXmlBytes) {
    throw new WimError(
      'corrupt-wim',
      `${file}: the XML metadata claims ${xml.storedSize} bytes; more than ${maxWimXmlBytes} is refused as damaged.`,
    );
  }
  if (xml.offset + xml.storedSize > wim.size) {
    throw new WimError(
      'corrupt-wim',
      `${file}: the XML metadata (offset ${xml.offset}, ${xml.storedSize} bytes) lies beyond the end of the file (${wim.size} bytes); the file is truncated.`,
    );
  }
  const text = new TextDecoder('utf-16le').decode(await wim.read(xml.offset, xml.storedSize));
  const document = parseXml(text, file);
  const root = document.children.find((c) => c.name === 'WIM');
  if (!root) throw new WimError('corrupt-wim', `${file}: the XML metadata has no <WIM> element.`);
  const images = root.children.filter((c) => c.name === 'IMAGE').map(toImage);
  return { header, images: images.sort((a, b) => a.index - b.index) };
}

function toImage(image: XmlElement): WimImage {
  const windows = image.children.find((c) => c.name === 'WINDOWS');
  const languages = windows?.children.find((c) => c.name === 'LANGUAGES');
  const num = (path: string) => {
    const value = textAt(image, path);
    return value === undefined ? undefined : Number(value);
  };
  const version = ['MAJOR', 'MINOR', 'BUILD', 'SPBUILD'].map((part) => textAt(windows, `VERSION/${part}`));
  return {
    index: Number(image.attributes.INDEX),
    name: textAt(image, 'NAME') ?? '',
    description: textAt(image, 'DESCRIPTION'),
    displayName: textAt(image, 'DISPLAYNAME'),
    displayDescription: textAt(image, 'DISPLAYDESCRIPTION'),
    editionId: textAt(windows, 'EDITIONID'),
    flags: textAt(image, 'FLAGS'),
    installationType: textAt(windows, 'INSTALLATIONTYPE'),
    productType: textAt(windows, 'PRODUCTTYPE'),
    arch: archCodes[textAt(windows, 'ARCH') ?? ''],
    version: version[0] === undefined ? undefined : version.map((p) => p ?? '0').join('.'),
    build: num('WINDOWS/VERSION/BUILD'),
    languages: (languages?.children ?? []).filter((c) => c.name === 'LANGUAGE').map((c) => c.text.trim()),
    defaultLanguage: textAt(languages, 'DEFAULT'),
    size: num('TOTALBYTES') ?? 0,
  };
}
