// Visible text of an HTML string in reading order, for the CLI (no DOM needed). Deliberately simple: skips
// non-visible elements, turns block elements into paragraph breaks, collapses white space, decodes entities.

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'iframe', 'object', 'canvas', 'math', 'select', 'button']);
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'html', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead',
  'tr', 'ul', 'title',
]);

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '–', mdash: '—', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', copy: '©', reg: '®', trade: '™',
  euro: '€', pound: '£', shy: '\u00ad', middot: '·', bull: '•', eacute: 'é', egrave: 'è', ecirc: 'ê', aacute: 'á',
  agrave: 'à', acirc: 'â', iacute: 'í', oacute: 'ó', ocirc: 'ô', uacute: 'ú', ccedil: 'ç', ntilde: 'ñ', auml: 'ä',
  ouml: 'ö', uuml: 'ü', szlig: 'ß', Eacute: 'É', Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü', thinsp: '\u2009', zwj: '\u200d',
  zwnj: '\u200c', minus: '−', times: '×', deg: '°', frac12: '½', iexcl: '¡', iquest: '¿', oslash: 'ø', aring: 'å',
};

export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);?/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
}

/** Paragraphs of visible text separated by blank lines. */
export function htmlToText(html: string): string {
  const parts: string[] = [];
  let skipping: string | null = null; // name of the skipped element we are inside
  let skipDepth = 0;
  let i = 0;
  const n = html.length;
  const breakParagraph = () => {
    if (parts.length && parts[parts.length - 1] !== '\n\n') parts.push('\n\n');
  };
  while (i < n) {
    const lt = html.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i && !skipping) {
      const t = decodeEntities(html.slice(i, textEnd).replace(/\s+/g, ' '));
      if (t.trim() || (parts.length && parts[parts.length - 1] !== '\n\n')) parts.push(t);
    }
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      i = close < 0 ? n : close + 3;
      continue;
    }
    const gt = html.indexOf('>', lt + 1);
    if (gt < 0) break;
    const tag = /^<\s*(\/?)\s*([a-zA-Z][a-zA-Z0-9-]*)/.exec(html.slice(lt, Math.min(gt + 1, lt + 64)));
    i = gt + 1;
    if (!tag) continue; // doctype, processing instruction, stray '<'
    const closing = tag[1] === '/';
    const name = tag[2].toLowerCase();
    const selfClosing = html.charCodeAt(gt - 1) === 0x2f;
    if (skipping) {
      if (name === skipping) {
        if (closing) skipDepth--;
        else if (!selfClosing) skipDepth++;
        if (skipDepth === 0) skipping = null;
      }
      continue;
    }
    if (SKIPPED.has(name) && !closing && !selfClosing) {
      skipping = name;
      skipDepth = 1;
      continue;
    }
    if (name === 'br') parts.push('\n');
    else if (BLOCKS.has(name)) breakParagraph();
  }
  // tidy: trim spaces around line breaks
  return parts
    .join('')
    .replace(/[ \t\u00a0]*\n[ \t\u00a0]*/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
