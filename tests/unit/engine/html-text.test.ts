import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText } from '../../../engine/html-text';

describe('htmlToText', () => {
  it('keeps visible text in reading order with paragraph breaks between blocks', () => {
    const html = '<html><head><title>T</title><style>p{}</style></head><body><h1>Head&shy;line</h1>' +
      '<p>First <b>Marine</b> Le&nbsp;Pen &amp; co.</p><script>var x = "<p>no</p>";</script><div>Second<br>line</div></body></html>';
    expect(htmlToText(html)).toBe('Head\u00adline\n\nFirst Marine Le\u00a0Pen & co.\n\nSecond\nline');
  });
  it('skips svg, noscript, template and comments', () => {
    expect(htmlToText('<p>a<!-- b --><svg><text>c</text></svg><noscript>d</noscript><template>e</template>f</p>')).toBe('af');
  });
  it('collapses white space inside text', () => {
    expect(htmlToText('<p>one\n   two</p>')).toBe('one two');
  });
});

describe('decodeEntities', () => {
  it('decodes named and numeric references', () => {
    expect(decodeEntities('&eacute;&#233;&#xE9; &rsquo; &unknown;')).toBe('ééé ’ &unknown;');
  });
});
