// The engine's entry point for a text: spot aliases, then link them to entities.

import type { Mention } from './types';
import type { Matcher } from './matcher';
import { spot } from './matcher';
import { link } from './linker';

/**
 * Mentions of known entities in `text`, in order, never overlapping. An array is read as one text made of its
 * chunks joined with no separator (a page's text nodes), so a name split across nodes is still one mention;
 * offsets are UTF-16 code units of that joined text (map them back with chunkPosition).
 */
export function annotate(matcher: Matcher, text: string | string[]): Mention[] {
  const joined = typeof text === 'string' ? text : text.join('');
  return link(matcher, joined, spot(matcher, joined));
}

/**
 * Which chunk an offset of the joined text falls in. An offset on a boundary belongs to the chunk that starts there
 * (right for a mention's start); for a mention's end use chunkPosition(chunks, end - 1) and add 1 to its offset.
 */
export function chunkPosition(chunks: string[], offset: number): { chunk: number; offset: number } {
  let base = 0;
  for (let i = 0; i < chunks.length; i++) {
    const len = chunks[i].length;
    if (offset < base + len) return { chunk: i, offset: offset - base };
    base += len;
  }
  // at or past the end: the end of the last chunk
  const last = chunks.length - 1;
  return { chunk: Math.max(0, last), offset: last >= 0 ? chunks[last].length : 0 };
}
