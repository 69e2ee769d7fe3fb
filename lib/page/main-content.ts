import type { TimeSlicer } from './slicer';

// Finds the article body of a page with a simple heuristic, so it is read (and ranked) before navigation,
// sidebars and footers: the element holding the most paragraph text, widened to its <article> when there is one.

const MIN_BODY_CHARS = 400;

/** The element holding the page's main text, or null when no part of the page looks like an article. */
export async function findMainContent(slicer: TimeSlicer, doc: Document = document): Promise<Element | null> {
  const body = doc.body;
  if (!body) return null;
  // An explicit article body wins when it holds real text.
  for (const el of doc.querySelectorAll('[itemprop="articleBody"]')) {
    if ((el.textContent?.length ?? 0) >= MIN_BODY_CHARS) return widen(el);
  }
  // Otherwise: score every element by the text of its own <p> children (a paragraph counts half for its grandparent,
  // so bodies split into several <div>s still add up).
  const score = new Map<Element, number>();
  let count = 0;
  for (const p of doc.querySelectorAll('p')) {
    if ((++count & 63) === 0) await slicer.maybePause();
    const length = p.textContent?.trim().length ?? 0;
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
