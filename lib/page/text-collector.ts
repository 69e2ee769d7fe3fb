// Reads a page's text as chunks for the engine: one chunk per text node, with a "\n\n" separator chunk
// wherever the text crosses into another block (so names never join across paragraphs). Regions that are not
// prose for a reader (code, forms, editors, hidden parts, our own UI) are skipped whole.
import { HOST_TAG } from '../page-ui-host';
import type { TimeSlicer } from './slicer';

export const SEPARATOR = '\n\n';

/** Elements whose whole subtree is never read. */
const SKIPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'button', 'code', 'pre', 'kbd',
  'samp', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio', 'picture', 'img', 'head', 'title',
  'meta', 'link', HOST_TAG,
]);

/** Elements that start a new block of text. */
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'li', 'main', 'menu', 'nav', 'ol', 'p', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead',
  'tr', 'ul', 'html',
]);

export function isBlock(element: Element): boolean {
  return BLOCK_TAGS.has(element.localName);
}

/** The nearest block element containing `node` (itself if it is one). */
export function blockOf(node: Node): Element | null {
  let el: Element | null = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  while (el && !isBlock(el)) el = el.parentElement;
  return el;
}

/**
 * Text of a region, as the engine reads it: chunks[i] is nodes[i]'s text (one space or line break when that text is
 * blank), or a separator when nodes[i] is null.
 */
export interface TextRun {
  chunks: string[];
  nodes: (Text | null)[];
  /** chunks of text (not separators) */
  textNodes: number;
  /** characters of all chunks */
  chars: number;
}

/**
 * Whether an element's subtree should be read at all. Visibility is NOT checked here: a layout query per element
 * costs more than the rest of the scan together, so hidden text is read and its mentions dropped later
 * (see isShown), which needs one query per mention instead of one per element.
 */
function skipElement(el: Element, exclude: ReadonlySet<Element>): boolean {
  return exclude.has(el) || SKIPPED_TAGS.has(el.localName) || el.hasAttribute('hidden') || isEditorRoot(el);
}

/** Attributes that make skipElement true, as one selector (rare on a page: found once instead of asked per element). */
const SKIPPED_BY_ATTRIBUTE = '[hidden], [contenteditable], [role="textbox"]';

/** The elements under `root` skipped for their attributes (not their tag), plus `exclude`. */
function attributeSkips(root: Node, exclude: ReadonlySet<Element>): Set<Element> {
  const skips = new Set(exclude);
  if (root instanceof Element || root instanceof Document || root instanceof DocumentFragment) {
    for (const el of root.querySelectorAll(SKIPPED_BY_ATTRIBUTE)) if (skipElement(el, exclude)) skips.add(el);
  }
  return skips;
}

/** An editing host (its whole subtree is the user's text, never ours to mark). */
function isEditorRoot(el: Element): boolean {
  const editable = el.getAttribute('contenteditable');
  return (editable !== null && editable !== 'false') || el.getAttribute('role') === 'textbox';
}

/** Whether a text node's element is rendered and visible; asked once per mention, cached per element by the caller. */
export function isShown(parent: Element): boolean {
  if (typeof parent.checkVisibility !== 'function') return parent.getClientRects().length > 0;
  return parent.checkVisibility({ visibilityProperty: true, checkVisibilityCSS: true } as CheckVisibilityOptions);
}

/** Where a text node's parent sits: its nearest block, and the outermost skipped element around it (if any). */
interface Place {
  block: Element | null;
  skipped: Element | null;
}

/**
 * Collects the visible text under `root` (which must itself be readable), skipping `exclude`d subtrees.
 * Yields to the browser through `slicer` so that a long page is read in slices. With `paragraphs`, also adds up the
 * text read in each <p> (for mainFromParagraphs: the same walk finds the article).
 *
 * Why it is built this way: a content script pays for every DOM node it touches (each needs a wrapper in its own
 * world), and its code starts cold on every page. So the walk visits text nodes only, with no filter callback; most
 * of them are blank (the source's indentation) and cost one test. Elements are looked at only as the parents and
 * ancestors of text, once each (`places`), and a skipped subtree is jumped over when its first text is met.
 */
export async function collectText(
  root: Node,
  exclude: ReadonlySet<Element>,
  slicer: TimeSlicer,
  paragraphs?: Map<Element, number>,
): Promise<TextRun> {
  const run: TextRun = { chunks: [], nodes: [], textNodes: 0, chars: 0 };
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let skips = attributeSkips(root, exclude);
  let places = new Map<Element, Place>();
  const placeOf = (parent: Element): Place => {
    const path: Element[] = [];
    let known: Place | undefined;
    for (let el: Element | null = parent; el; el = el === root ? null : el.parentElement) {
      known = places.get(el);
      if (known) break;
      path.push(el);
    }
    let block = known?.block ?? null;
    let skipped = known?.skipped ?? null;
    for (let i = path.length - 1; i >= 0; i--) {
      const el = path[i];
      const name = el.localName;
      if (!skipped && (SKIPPED_TAGS.has(name) || skips.has(el))) skipped = el;
      if (BLOCK_TAGS.has(name)) block = el;
      places.set(el, { block, skipped });
    }
    return places.get(parent)!;
  };
  const blocksWithBreaks = new Map<Element | null, boolean>();
  // whether the page changed anything while we paused (then what we know of its places is thrown away)
  let changed = false;
  const changes = new MutationObserver(() => (changed = true));
  changes.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden', 'contenteditable', 'role'] });
  let lastBlock: Element | null = null;
  let paragraph: Element | null = null; // lastBlock when it is a <p> and paragraphs are counted
  let lastParent: Element | null = null;
  let steps = 0;
  let seen: Set<Text | null> | null = null;
  // the last blank text node since the last text read: read as one space or line break before the next text
  let blank: Text | null = null;
  let node = walker.nextNode() as Text | null;
  try {
    while (node) {
      const text = node;
      const data = text.data;
      // Most text nodes of a page are blank: the indentation between tags. They hold no name and only keep words
      // apart, so a run of them is read as one space (or line break) before the next text of the same block, and
      // costs nothing else (a fifth of a page's text is indentation: not worth sending either).
      if (data.charCodeAt(0) <= 0x20 && data.trim().length === 0) {
        blank = text;
        node = walker.nextNode() as Text | null;
        continue;
      }
      const parent = text.parentElement;
      if (parent && !seen?.has(text)) {
        let breakBefore = false;
        if (parent !== lastParent) {
          const place = placeOf(parent);
          if (place.skipped) {
            // not read: go on after the skipped element's subtree
            walker.currentNode = place.skipped;
            node = walker.nextSibling() as Text | null;
            continue;
          }
          lastParent = parent;
          if (place.block !== lastBlock) {
            separate(run);
            lastBlock = place.block;
            paragraph = paragraphs && lastBlock?.localName === 'p' ? lastBlock : null;
          } else if (!blank && gluedAcrossElements(run, data)) {
            separate(run); // "Le Pen" + <time>19 June</time> styled as a block: not "Pen19"
          } else breakBefore = hasBreaks(blocksWithBreaks, place.block);
        } else breakBefore = hasBreaks(blocksWithBreaks, lastBlock);
        if (breakBefore && afterBreak(text)) separate(run);
        if (blank) {
          if (run.nodes.length > 0 && run.nodes[run.nodes.length - 1] !== null) {
            const space = blank.data.includes('\n') ? '\n' : ' ';
            run.chunks.push(space);
            run.nodes.push(blank);
            run.chars += space.length;
          }
          blank = null;
        }
        run.chunks.push(data);
        run.nodes.push(text);
        run.textNodes++;
        run.chars += data.length;
        if (paragraph) paragraphs!.set(paragraph, (paragraphs!.get(paragraph) ?? 0) + data.length);
        if ((++steps & 31) === 0 && slicer.expired) {
          // The page may remove what we are reading while we pause: note where we are to resume nearby.
          const ancestors: Node[] = [];
          for (let n = text.parentNode; n && n !== root; n = n.parentNode) ancestors.push(n);
          await slicer.pause();
          if (changed || changes.takeRecords().length > 0) {
            // (it may have added an editor, or moved what we know the place of)
            changed = false;
            skips = attributeSkips(root, exclude);
            places = new Map();
            lastParent = null;
          }
          if (!text.isConnected) {
            const resume = ancestors.find((n) => n.isConnected && root.contains(n)) ?? root;
            walker.currentNode = resume;
            // nodes under `resume` read before the pause are not read twice
            seen ??= new Set(run.nodes);
          }
        }
      }
      node = walker.nextNode() as Text | null;
    }
  } finally {
    changes.disconnect();
  }
  separate(run);
  return run;
}

/** Whether a block has a <br> in it (asked once per block: most have none, and then no text needs the check). */
function hasBreaks(known: Map<Element | null, boolean>, block: Element | null): boolean {
  let has = known.get(block);
  if (has === undefined) known.set(block, (has = !!block && block.getElementsByTagName('br').length > 0));
  return has;
}

/** Whether a <br> comes right before a text node (blank text between them aside): "Paris<br>Macron" is two lines. */
function afterBreak(text: Text): boolean {
  for (let n = text.previousSibling; n; n = n.previousSibling) {
    if (n.nodeType === Node.TEXT_NODE) {
      if ((n as Text).data.trim().length > 0) return false;
    } else return (n as Element).localName === 'br';
  }
  return false;
}

/**
 * Whether the text of an inline element that follows another with no space would glue two words that a reader sees
 * apart ("Pen" + "19 June", "Pen" + "The …"): a letter meets a digit, or a lowercase letter meets a capital. A word
 * split across elements (a drop cap: "M" + "acron") is left whole.
 */
function gluedAcrossElements(run: TextRun, next: string): boolean {
  const prevText = run.chunks[run.chunks.length - 1];
  if (!prevText || run.nodes[run.nodes.length - 1] === null || next === '') return false;
  const a = charKind(prevText.charCodeAt(prevText.length - 1));
  const b = charKind(next.charCodeAt(0));
  return (a === DIGIT && b > DIGIT) || (a > DIGIT && b === DIGIT) || (a === LOWER && b === UPPER);
}

const OTHER = 0;
const DIGIT = 1;
const LOWER = 2;
const UPPER = 3;

/** Digit, lowercase or uppercase letter (any script), or other; ASCII without building strings. */
function charKind(code: number): number {
  if (code < 0x80) {
    if (code >= 0x30 && code <= 0x39) return DIGIT;
    if (code >= 0x61 && code <= 0x7a) return LOWER;
    if (code >= 0x41 && code <= 0x5a) return UPPER;
    return OTHER;
  }
  const c = String.fromCharCode(code);
  if (c !== c.toUpperCase()) return LOWER;
  if (c !== c.toLowerCase()) return UPPER;
  return OTHER;
}

function separate(run: TextRun): void {
  if (run.nodes.length > 0 && run.nodes[run.nodes.length - 1] !== null) {
    run.chunks.push(SEPARATOR);
    run.nodes.push(null);
  }
}

export const NOTHING_EXCLUDED: ReadonlySet<Element> = new Set();

/** Whether a node is in a region collectText would read (used for nodes added later). */
export function isReadable(node: Node, host: Element | null): boolean {
  for (let el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (el === host || skipElement(el, NOTHING_EXCLUDED)) return false;
  }
  return node.isConnected;
}
