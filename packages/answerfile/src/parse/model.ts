/** An attribute as parsed, with its resolved namespace. */
export interface XmlAttribute {
  /** Local name, e.g. `action` for `wcm:action`. */
  name: string;
  /** Namespace URI; empty for unprefixed attributes. */
  namespace: string;
  /** Prefix as written (`wcm`), empty when none. */
  prefix: string;
  value: string;
}

/** An element as parsed, with its position in the source. */
export interface XmlElement {
  /** Local name, e.g. `ComputerName`. */
  name: string;
  /** Namespace URI (the unattend namespace for every element of a correct answer file). */
  namespace: string;
  /** Attributes in source order, namespace declarations excluded. */
  attributes: XmlAttribute[];
  /** Child elements in source order. */
  children: XmlElement[];
  /** Text and CDATA directly inside the element, concatenated exactly as written (entities decoded). */
  text: string;
  /** 1-based line of the start tag's `<`. */
  line: number;
  /** 1-based column of the start tag's `<`. */
  column: number;
  /**
   * Where the element is, XPath-like:
   * `/unattend/settings[@pass='windowsPE']/component[@name='Microsoft-Windows-Setup']/UserData/AcceptEula`;
   * `[n]` (1-based) is added when a parent holds several elements of that name.
   */
  path: string;
}

/** A `<component>` of a pass, with its identifying attributes (undefined when missing). */
export interface ComponentModel {
  name: string | undefined;
  processorArchitecture: string | undefined;
  publicKeyToken: string | undefined;
  language: string | undefined;
  versionScope: string | undefined;
  element: XmlElement;
}

/** A `<settings>` element and its components. */
export interface SettingsModel {
  /** The `pass` attribute (undefined when missing). */
  pass: string | undefined;
  element: XmlElement;
  components: ComponentModel[];
}

/** A parsed answer file: the element tree with positions, and its passes and components. */
export interface AnswerFileModel {
  root: XmlElement;
  settings: SettingsModel[];
}

/** The value of an attribute by local name and namespace ('' = unprefixed). */
export function attributeOf(element: XmlElement, name: string, namespace = ''): string | undefined {
  return element.attributes.find((a) => a.name === name && a.namespace === namespace)?.value;
}

/** The first child element with a local name. */
export function childOf(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((child) => child.name === name);
}

/** Every child element with a local name. */
export function childrenOf(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

/** Every element of the tree below `element` (itself included), in document order. */
export function* walk(element: XmlElement): Generator<XmlElement> {
  yield element;
  for (const child of element.children) yield* walk(child);
}
