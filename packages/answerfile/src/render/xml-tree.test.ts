import { describe, expect, it } from 'vitest';
import { element, listItem, serializeXml, value } from './xml-tree';

describe('serializeXml', () => {
  it('writes empty elements self-closing, text on one line and nests with two spaces', () => {
    const xml = serializeXml(element('unattend', element('a', value('B', ''), value('C', 'x  y'))));
    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<unattend xmlns="urn:schemas-microsoft-com:unattend" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State">',
        '  <a>',
        '    <B/>',
        '    <C>x  y</C>',
        '  </a>',
        '</unattend>',
        '',
      ].join('\n'),
    );
  });

  it('escapes text and attribute values so user text never becomes markup', () => {
    const xml = serializeXml(
      element('unattend', listItem('Item', [value('Value', '&amp; <b> "q"')], 'k&amp;"<')),
    );
    expect(xml).toContain('<Item wcm:action="add" wcm:keyValue="k&amp;amp;&quot;&lt;">');
    expect(xml).toContain('<Value>&amp;amp; &lt;b&gt; "q"</Value>');
  });
});
