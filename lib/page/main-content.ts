// Finds the article body of a page with a simple heuristic, so it is read (and ranked) before navigation,
// sidebars and footers: the element holding the most paragraph text, widened to its <article> when there is one.
// The paragraphs' text is counted by the walk that reads the page (collectText), so finding the article costs no
// pass of its own over the page.

const MIN_BODY_CHARS = 400;

/** An explicit article body (schema.org's articleBody) that holds real text, or null. */
export function markedArticleBody(doc: Document = document): Element | null {
  for (const el of doc.querySelectorAll('[itemprop="articleBody"]')) {
    if ((el.textContent?.length ?? 0) >= MIN_BODY_CHARS) return widen(el);
  }
  return null;
}

/**
 * The element holding the page's main text, from the text read in each <p>; null when no part of the page looks
 * like an article. Each element scores the text of its own <p> children, and a paragraph counts half for its
 * grandparent, so bodies split into several <div>s still add up.
 */
export function mainFromParagraphs(paragraphs: ReadonlyMap<Element, number>, doc: Document = document): Element | null {
  const body = doc.body;
  const score = new Map<Element, number>();
  for (const [p, length] of paragraphs) {
    if (length < 40) continue; // captions, datelines, buttons dressed as paragraphs
    const parent = p.parentElement;
    if (!parent) continue;
    score.set(parent, (score.get(parent) ?? 0) + length);
    const grand = parent.parentElement;
    if (grand && grand !== body) score.set(grand, (score.get(grand) ?? 0) + length / 2);
  }
  let best: Element | null = null;
  let bestScore = MIN_BODY_CHARS;
  for (const [el, s] of score) {
    if (s > bestScore) {
      best = el;
      bestScore = s;
    }
  }
  return best ? widen(best) : null;
}

/** The nearest <article> around the body (to take in the headline), if it is not the whole page. */
function widen(el: Element): Element {
  const container = el.closest('article, [role="article"]');
  if (container && container !== el.ownerDocument.body && container.contains(el)) return container;
  return el;
}
