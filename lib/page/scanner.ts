// Scans one region of the page: collects its text, runs the engine over it piece by piece (so no single call is
// long), and maps each mention back to (text node, offset) positions as StaticRanges. The page's DOM is only read.
import { annotate, type Matcher } from '../../engine/index';
import { collectText, isShown, SEPARATOR, type TextRun } from './text-collector';
import type { PageMention } from './mention-store';
import type { TimeSlicer } from './slicer';

/** Text handed to the engine at once: pieces end at a block boundary once they reach this size. */
export const PIECE_CHARS = 4000;
/** Names read before a piece, most recent last, so that its surnames link as they would in the whole text. */
const MAX_CONTEXT_NAMES = 60;

export interface RegionScan {
  mentions: PageMention[];
  run: TextRun;
}

/**
 * `context` are names already found elsewhere on the page. The engine links a surname ("Le Pen") by the full name
 * met earlier in the same text, so each piece is read after the names found before it.
 */
export async function scanRegion(
  matcher: Matcher,
  root: Node,
  exclude: ReadonlySet<Element>,
  slicer: TimeSlicer,
  { inMain, context = [] }: { inMain: boolean; context?: string[] },
): Promise<RegionScan> {
  const run = await collectText(root, exclude, slicer);
  if (run.textNodes === 0) return { mentions: [], run };
  const names = new Set(context);
  // pieces: chunks [from, to), each ending after a separator
  const pieces: { from: number; to: number; found: PageMention[]; namesKnown: number }[] = [];
  for (let from = 0; from < run.chunks.length; ) {
    let to = from;
    let size = 0;
    while (to < run.chunks.length && (size < PIECE_CHARS || run.nodes[to - 1] !== null)) size += run.chunks[to++].length;
    pieces.push({ from, to, found: [], namesKnown: 0 });
    from = to;
  }
  const read = (piece: (typeof pieces)[number]) => {
    const recent = [...names].slice(-MAX_CONTEXT_NAMES);
    const prefix = recent.length ? recent.join(SEPARATOR) + SEPARATOR : '';
    const chunks = run.chunks.slice(piece.from, piece.to);
    const found = annotate(matcher, prefix ? [prefix, ...chunks] : chunks);
    piece.found = mapMentions(found, run, piece.from, piece.to, prefix.length, inMain);
    for (const m of piece.found) {
      names.delete(matcher.entities[m.entity].name); // keep the most recent last
      names.add(matcher.entities[m.entity].name);
    }
    piece.namesKnown = names.size;
  };
  for (const piece of pieces) {
    read(piece);
    await slicer.maybePause();
  }
  // A full name met later links a surname read earlier (as it would in one text): read again the pieces that
  // came before a name they did not know yet.
  for (const piece of pieces.slice(0, -1)) {
    if (names.size === piece.namesKnown) continue;
    read(piece);
    await slicer.maybePause();
  }
  const mentions = pieces.flatMap((piece) => piece.found);
  return { mentions, run };
}

/** Maps engine offsets (into prefix + chunks[from, to)) to text node positions. */
function mapMentions(
  found: { start: number; end: number; entity: number }[],
  run: TextRun,
  from: number,
  to: number,
  prefixLength: number,
  inMain: boolean,
): PageMention[] {
  const out: PageMention[] = [];
  const visibility = new Map<Element, boolean>();
  const shown = (el: Element | null) => {
    if (!el) return false;
    let known = visibility.get(el);
    if (known === undefined) visibility.set(el, (known = isShown(el)));
    return known;
  };
  let chunk = from;
  let chunkStart = prefixLength; // offset of run.chunks[chunk] in the annotated text
  for (const f of found) {
    if (f.start < prefixLength) continue;
    while (chunk < to && chunkStart + run.chunks[chunk].length <= f.start) {
      chunkStart += run.chunks[chunk].length;
      chunk++;
    }
    const startChunk = chunk;
    const startOffset = f.start - chunkStart;
    let endChunk = chunk;
    let endChunkStart = chunkStart;
    while (endChunk < to && endChunkStart + run.chunks[endChunk].length < f.end) {
      endChunkStart += run.chunks[endChunk].length;
      endChunk++;
    }
    const startNode = run.nodes[startChunk];
    const endNode = run.nodes[endChunk];
    if (!startNode || !endNode) continue;
    const endOffset = f.end - endChunkStart;
    // the page may have changed the text while we were reading it
    if (!startNode.isConnected || !endNode.isConnected || startOffset > startNode.length || endOffset > endNode.length) continue;
    if (!shown(startNode.parentElement)) continue; // hidden text (menus, collapsed parts): read, but not marked
    const nodes: Text[] = [];
    for (let c = startChunk; c <= endChunk; c++) {
      const n = run.nodes[c];
      if (n) nodes.push(n);
    }
    out.push({
      entity: f.entity,
      startNode,
      startOffset,
      endNode,
      endOffset,
      nodes,
      range: new StaticRange({ startContainer: startNode, startOffset, endContainer: endNode, endOffset }),
      inMain,
      marked: false,
    });
  }
  return out;
}

/** The text of a run (separators kept), e.g. for the page summary. */
export function runText(run: TextRun): string {
  return run.chunks.join('');
}
