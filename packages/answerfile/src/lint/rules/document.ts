import { passes, publicKeyToken, unattendNamespace } from '../../namespaces';
import type { XmlElement } from '../../parse/model';
import type { LintRule } from '../lint-types';
import { answerFilesPage, componentsPage, passesPage } from '../references';
import { installArchitecture, installArchitectures } from '../select';

const knownArchitectures = ['x86', 'amd64', 'arm64', 'wow64'];

export const rootElement: LintRule = {
  id: 'root-element',
  summary: `The root is <unattend xmlns="${unattendNamespace}">.`,
  reference: answerFilesPage,
  check({ model, report }) {
    const { root } = model;
    if (root.name !== 'unattend') {
      report(root, 'error', `The root element is <${root.name}>; an answer file's root is <unattend>.`);
    } else if (root.namespace !== unattendNamespace) {
      const found = root.namespace ? `"${root.namespace}"` : 'no namespace';
      report(root, 'error', `<unattend> is in ${found}; declare xmlns="${unattendNamespace}" on it.`);
    }
  },
};

export const elementNamespace: LintRule = {
  id: 'element-namespace',
  summary: 'Elements are in the unattend namespace; Setup ignores elements in other namespaces.',
  reference: answerFilesPage,
  check({ model, report }) {
    if (model.root.namespace !== unattendNamespace) return;
    const visit = (element: XmlElement): void => {
      if (element.namespace === '') {
        report(
          element,
          'warning',
          `<${element.name}> is in no namespace (xmlns=""), not in "${unattendNamespace}" like the answer file's other elements; remove xmlns="".`,
        );
      } else if (element.namespace !== unattendNamespace) {
        report(
          element,
          'info',
          `<${element.name}> is in namespace "${element.namespace}"; Setup ignores it and everything inside.`,
        );
      } else {
        element.children.forEach(visit);
      }
    };
    model.root.children.forEach(visit);
  },
};

export const unknownPass: LintRule = {
  id: 'unknown-pass',
  summary: 'Every <settings> names one of the seven configuration passes.',
  reference: passesPage,
  check({ model, report }) {
    for (const { pass, element } of model.settings) {
      if (pass === undefined) {
        report(element, 'error', `<settings> has no pass attribute; use one of ${passes.join(', ')}.`);
      } else if (!(passes as readonly string[]).includes(pass)) {
        const hint = passes.find((p) => p.toLowerCase() === pass.toLowerCase());
        const fix = hint
          ? `did you mean "${hint}"? (pass names are case-sensitive)`
          : `use one of ${passes.join(', ')}`;
        report(element, 'error', `Unknown pass "${pass}"; ${fix}.`);
      }
    }
  },
};

export const componentAttributes: LintRule = {
  id: 'component-attributes',
  summary: 'Components carry name, processorArchitecture, publicKeyToken, language="neutral", versionScope.',
  reference: componentsPage,
  check({ components, report }) {
    for (const c of components) {
      const at = c.element;
      if (!c.name) report(at, 'error', '<component> has no name attribute.');
      if (c.processorArchitecture === undefined) {
        report(
          at,
          'error',
          `Component ${c.name} has no processorArchitecture; use amd64 or arm64 (as the media).`,
        );
      } else if (!knownArchitectures.includes(c.processorArchitecture)) {
        report(
          at,
          'error',
          `Component ${c.name} has processorArchitecture "${c.processorArchitecture}"; use one of ${knownArchitectures.join(', ')}.`,
        );
      }
      if (c.publicKeyToken !== publicKeyToken) {
        report(
          at,
          'error',
          `Component ${c.name} has publicKeyToken ${JSON.stringify(c.publicKeyToken ?? null)}; Windows components use "${publicKeyToken}".`,
        );
      }
      if (c.language !== 'neutral') {
        report(
          at,
          'error',
          `Component ${c.name} has language ${JSON.stringify(c.language ?? null)}; use "neutral".`,
        );
      }
      if (c.versionScope !== undefined && c.versionScope !== 'nonSxS') {
        report(at, 'warning', `Component ${c.name} has versionScope "${c.versionScope}"; use "nonSxS".`);
      }
    }
  },
};

export const targetArchitecture: LintRule = {
  id: 'target-architecture',
  summary: 'Setup applies only the components of the media’s architecture (wow64 ones on amd64 media).',
  reference: componentsPage,
  check({ components, options, report }) {
    const found = installArchitectures(components);
    if (options.arch) {
      for (const c of components) {
        const arch = installArchitecture(c.processorArchitecture);
        if (arch === undefined || arch === options.arch) continue;
        report(
          c.element,
          'info',
          `Component ${c.name} is for ${c.processorArchitecture}; on ${options.arch} media Setup skips it.`,
        );
      }
      return;
    }
    const first = components.find((c) => c.processorArchitecture !== undefined);
    if (found.length > 1 && first) {
      report(
        first.element,
        'info',
        `Components are for several architectures (${found.join(', ')}); Setup applies only those of the media's architecture.`,
      );
    }
  },
};
