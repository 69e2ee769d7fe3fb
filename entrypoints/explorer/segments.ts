// An article's text cut into paragraphs of plain and marked segments, for the article page. Pure.
import type { Mention } from '../../engine/types';

export interface Segment {
  text: string;
  mention?: { id: string; index: number }; // index: which mention of that entity in this article
}

/** Paragraphs of the text as segments: plain text and marked mentions. */
export function segmentText(text: string, mentions: Mention[], idOf: (entity: number) => string): Segment[][] {
  const paragraphs: Segment[][] = [];
  const seen = new Map<string, number>();
  const breaks = /\n\s*\n/g;
  let start = 0;
  let m = 0;
  const ranges: [number, number][] = [];
  for (let match = breaks.exec(text); match; match = breaks.exec(text)) {
    ranges.push([start, match.index]);
    start = match.index + match[0].length;
  }
  ranges.push([start, text.length]);
  for (const [from, to] of ranges) {
    const segments: Segment[] = [];
    let pos = from;
    while (m < mentions.length && mentions[m].end <= to) {
      const mention = mentions[m++];
      if (mention.start < pos) continue;
      if (mention.start > pos) segments.push({ text: text.slice(pos, mention.start) });
      const id = idOf(mention.entity);
      const index = seen.get(id) ?? 0;
      seen.set(id, index + 1);
      segments.push({ text: text.slice(mention.start, mention.end), mention: { id, index } });
      pos = mention.end;
    }
    if (pos < to) segments.push({ text: text.slice(pos, to) });
    if (segments.length > 0) paragraphs.push(segments);
  }
  return paragraphs;
}
