// Which mention is under the pointer: the caret position at the point gives a text node and offset, the store
// finds the mention there by binary search, and the mention's own boxes confirm the point is really on it
// (a caret position is also reported for points beside a line's end).
import type { MentionStore, PageMention } from './mention-store';

interface CaretPoint {
  node: Node;
  offset: number;
}

type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

export function caretAt(x: number, y: number): CaretPoint | null {
  const doc = document as CaretDocument;
  if (doc.caretPositionFromPoint) {
    const p = doc.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = doc.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

/** A live Range over a mention, for geometry (StaticRange has none). */
export function liveRange(m: PageMention): Range | null {
  if (!m.startNode.isConnected || !m.endNode.isConnected) return null;
  if (m.startOffset > m.startNode.length || m.endOffset > m.endNode.length) return null;
  const r = document.createRange();
  r.setStart(m.startNode, m.startOffset);
  r.setEnd(m.endNode, m.endOffset);
  return r;
}

/** The mention's box that contains the point, if any (with a little slack for the underline). */
export function boxAt(m: PageMention, x: number, y: number, slack = 2): DOMRect | null {
  const r = liveRange(m);
  if (!r) return null;
  for (const box of r.getClientRects()) {
    if (x >= box.left - slack && x <= box.right + slack && y >= box.top - slack && y <= box.bottom + slack) return box;
  }
  return null;
}

export function mentionAt(store: MentionStore, x: number, y: number): { mention: PageMention; box: DOMRect } | null {
  const caret = caretAt(x, y);
  if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return null;
  const mention = store.at(caret.node, caret.offset);
  if (!mention) return null;
  const box = boxAt(mention, x, y);
  return box ? { mention, box } : null;
}
