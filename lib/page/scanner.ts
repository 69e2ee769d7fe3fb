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
  const mentions: PageMention[] = [];
  if (run.textNodes === 0) return { mentions, run };
  const names = new Set(context);
  let from = 0;
  while (from < run.chunks.length) {
    // the piece: chunks [from, to), ending after a separator
    let to = from;
    let size = 0;
    while (to < run.chunks.length && (size < PIECE_CHARS || run.nodes[to - 1] !== null)) size += run.chunks[to++].length;
    const recent = [...names].slice(-MAX_CONTEXT_NAMES);
    const prefix = recent.length ? recent.join(SEPARATOR) + SEPARATOR : '';
    const piece = run.chunks.slice(from, to);
    const found = annotate(matcher, prefix ? [prefix, ...piece] : piece);
    for (const m of mapMentions(found, run, from, to, prefix.length, inMain)) {
      mentions.push(m);
      names.delete(matcher.entities[m.entity].name); // keep the most recent last
      names.add(matcher.entities[m.entity].name);
    }
    from = to;
    await slicer.maybePause();
  }
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
