// The mentions found on the page, kept in document order, with a per-text-node index for hit-testing.
// Ranges are StaticRanges (no cost to the page's own DOM mutations); a changed region is simply rescanned.

export interface PageMention {
  entity: number; // index into the page's entities (PageSession keeps them, in the order they were met)
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
  /** every text node the mention touches, in order (usually just one) */
  nodes: Text[];
  range: StaticRange;
  inMain: boolean;
  /** shown with a highlight (its type is on and, with firstMentionOnly, it is the first of its entity) */
  marked: boolean;
}

/** A mention's part within one text node. */
interface Segment {
  from: number;
  to: number;
  mention: PageMention;
}

/** -1 if a comes before b in the document, 1 if after, 0 if same point. */
export function comparePoints(a: Node, aOffset: number, b: Node, bOffset: number): number {
  if (a === b) return aOffset - bOffset;
  return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

export class MentionStore {
  /** document order */
  private list: PageMention[] = [];
  private byNode = new Map<Text, Segment[]>();

  get all(): readonly PageMention[] {
    return this.list;
  }

  get size(): number {
    return this.list.length;
  }

  /**
   * Adds mentions of one region (in document order among themselves). The region is contiguous in the document and
   * holds no stored mention, so the whole block goes in at one place, found by binary search.
   */
  insertBlock(block: PageMention[]): void {
    if (block.length === 0) return;
    const first = block[0];
    let lo = 0;
    let hi = this.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const m = this.list[mid];
      if (comparePoints(m.startNode, m.startOffset, first.startNode, first.startOffset) < 0) lo = mid + 1;
      else hi = mid;
    }
    this.list.splice(lo, 0, ...block);
    for (const m of block) this.indexMention(m);
  }

  /** Removes mentions that match (e.g. inside a region about to be rescanned, or no longer in the page). */
  removeWhere(test: (m: PageMention) => boolean): number {
    const before = this.list.length;
    const kept: PageMention[] = [];
    for (const m of this.list) {
      if (test(m)) this.unindexMention(m);
      else kept.push(m);
    }
    this.list = kept;
    return before - kept.length;
  }

  clear(): void {
    this.list = [];
    this.byNode.clear();
  }

  /** The mention covering `offset` in text node `node`, if any (only marked ones when `markedOnly`). */
  at(node: Node, offset: number, markedOnly = true): PageMention | null {
    const segments = this.byNode.get(node as Text);
    if (!segments) return null;
    // binary search: the last segment starting at or before offset
    let lo = 0;
    let hi = segments.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (segments[mid].from <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    // a caret just after the last letter still points at the word
    for (const i of [found, found - 1]) {
      const s = segments[i];
      if (s && offset >= s.from && offset <= s.to && (!markedOnly || s.mention.marked)) return s.mention;
    }
    return null;
  }

  private indexMention(m: PageMention): void {
    for (const node of m.nodes) {
      const from = node === m.startNode ? m.startOffset : 0;
      const to = node === m.endNode ? m.endOffset : node.length;
      let segments = this.byNode.get(node);
      if (!segments) this.byNode.set(node, (segments = []));
      const segment = { from, to, mention: m };
      // usually appended in order; keep sorted otherwise
      let i = segments.length;
      while (i > 0 && segments[i - 1].from > from) i--;
      segments.splice(i, 0, segment);
    }
  }

  private unindexMention(m: PageMention): void {
    for (const node of m.nodes) {
      const segments = this.byNode.get(node);
      if (!segments) continue;
      const rest = segments.filter((s) => s.mention !== m);
      if (rest.length) this.byNode.set(node, rest);
      else this.byNode.delete(node);
    }
  }
}
