// Scans one region of the page: collects its text, has the background worker's engine read it (one message per
// region), and maps each mention back to (text node, offset) positions as StaticRanges. The page's DOM is only read.
// A page's first scan reads the whole body in one walk and splits it (splitRun) into the article and the rest.
import type { MatcherEntity } from '../../engine/matcher';
import { MAX_ANNOTATE_CHARS, type AnnotateReply } from '../messages';
import { collectText, isShown, SEPARATOR, type TextRun } from './text-collector';
import type { PageMention } from './mention-store';
import type { TimeSlicer } from './slicer';

/** A region's text goes in one message unless it is longer than this (then in parts ending at a block boundary). */
const PART_CHARS = MAX_ANNOTATE_CHARS / 2;
/** Names read before a part, most recent last, so that its surnames link as they would in the whole text. */
const MAX_CONTEXT_NAMES = 60;

/** The engine as the page sees it. */
export interface PageReader {
  annotate(text: string): Promise<AnnotateReply>;
  /** the page's index for an entity (added when new) */
  register(entity: MatcherEntity): number;
}

export interface RegionScan {
  mentions: PageMention[];
  run: TextRun;
}

/**
 * `context` are names already found elsewhere on the page. The engine links a surname ("Le Pen") by the full name
 * met earlier in the same text, so the region is read after those names.
 */
export async function scanRegion(
  reader: PageReader,
  root: Node,
  exclude: ReadonlySet<Element>,
  slicer: TimeSlicer,
  { inMain, context = [] }: { inMain: boolean; context?: string[] },
): Promise<RegionScan> {
  slicer.setPhase('collect');
  const run = await collectText(root, exclude, slicer);
  return { mentions: await readRun(reader, run, slicer, { inMain, context }), run };
}

/** Has the engine read a run of collected text; its mentions, mapped back to the page. */
export async function readRun(
  reader: PageReader,
  run: TextRun,
  slicer: TimeSlicer,
  { inMain, context = [] }: { inMain: boolean; context?: string[] },
): Promise<PageMention[]> {
  const mentions: PageMention[] = [];
  if (run.textNodes === 0) return mentions;
  const names = new Set(context);
  for (let from = 0; from < run.chunks.length; ) {
    const recent = [...names].slice(-MAX_CONTEXT_NAMES);
    const prefix = recent.length ? recent.join(SEPARATOR) + SEPARATOR : '';
    let to = from;
    let size = prefix.length;
    while (to < run.chunks.length) {
      const len = run.chunks[to].length;
      if (size >= PART_CHARS && run.nodes[to - 1] === null) break;
      if (size + len > MAX_ANNOTATE_CHARS && to > from) break; // a paragraph longer than a message: cut between nodes
      size += len;
      to++;
    }
    slicer.setPhase('send');
    const text = prefix + run.chunks.slice(from, to).join('');
    const reply = await slicer.wait(reader.annotate(text));
    slicer.setPhase('map');
    const entities = reply.entities.map((e) => reader.register(e));
    const found: { start: number; end: number; entity: number }[] = [];
    for (let i = 0; i + 2 < reply.mentions.length; i += 3) {
      found.push({ start: reply.mentions[i], end: reply.mentions[i + 1], entity: entities[reply.mentions[i + 2]] });
    }
    mentions.push(...(await mapMentions(found, run, from, to, prefix.length, inMain, slicer)));
    for (const e of reply.entities) {
      names.delete(e.name); // keep the most recent last
      names.add(e.name);
    }
    from = to;
  }
  return mentions;
}

/** Maps offsets (into prefix + chunks[from, to)) to text node positions; hidden text is read but not marked. */
async function mapMentions(
  found: { start: number; end: number; entity: number }[],
  run: TextRun,
  from: number,
  to: number,
  prefixLength: number,
  inMain: boolean,
  slicer: TimeSlicer,
): Promise<PageMention[]> {
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
  for (let i = 0; i < found.length; i++) {
    const f = found[i];
    if ((i & 31) === 31) await slicer.maybePause();
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

/**
 * A run split into the text inside `main` and the rest (before and after it, with a separator between). In a run of
 * the whole page, main's text is one stretch: the walk reads in document order.
 */
export function splitRun(run: TextRun, main: Element): { main: TextRun; rest: TextRun } {
  const n = run.nodes.length;
  // Where chunk i lies: -1 before main, 0 inside, 1 after (a separator lies where the text before it does). That is
  // -1…-1 0…0 1…1 along the run, so two binary searches find main's stretch: a few position queries, not one per chunk.
  const where = (i: number): number => {
    let k = i;
    while (k >= 0 && run.nodes[k] === null) k--;
    if (k < 0) return -1;
    const position = main.compareDocumentPosition(run.nodes[k]!);
    if (position & Node.DOCUMENT_POSITION_CONTAINED_BY) return 0;
    return position & Node.DOCUMENT_POSITION_PRECEDING ? -1 : 1;
  };
  const from = firstIndexWhere(n, (i) => where(i) >= 0);
  let to = firstIndexWhere(n, (i) => where(i) > 0);
  while (to > from && run.nodes[to - 1] === null) to--; // (a separator after main belongs to the rest)
  const part = (ranges: [number, number][]): TextRun => {
    const out: TextRun = { chunks: [], nodes: [], textNodes: 0, chars: 0 };
    for (const [a, b] of ranges) {
      if (out.nodes.length > 0 && out.nodes[out.nodes.length - 1] !== null && a < b && run.nodes[a] !== null) {
        out.chunks.push(SEPARATOR);
        out.nodes.push(null);
      }
      for (let i = a; i < b; i++) {
        out.chunks.push(run.chunks[i]);
        out.nodes.push(run.nodes[i]);
        const chunk = run.chunks[i];
        if (run.nodes[i] === null) continue;
        out.chars += chunk.length;
        if (chunk.length > 1 || chunk.charCodeAt(0) > 0x20) out.textNodes++; // (not a blank node's one space)
      }
    }
    return out;
  };
  return { main: part([[from, to]]), rest: part([[0, from], [to, n]]) };
}

/** The first index in [0, length) where `test` holds, by binary search (it must hold from there on), or `length`. */
export function firstIndexWhere(length: number, test: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (test(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The text of a run (separators kept), e.g. for the page summary. */
export function runText(run: TextRun): string {
  return run.chunks.join('');
}
