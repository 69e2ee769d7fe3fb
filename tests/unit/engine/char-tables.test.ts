import { describe, expect, it } from 'vitest';
import { CASED_RANGES } from '../../../engine/char-tables';

/** The tables as derived from the JavaScript engine's own case mappings and canonical decompositions. */
function derive(from: number, length: number): [string, string] {
  let classes = '';
  let folds = '';
  for (let c = from; c < from + length; c++) {
    const s = String.fromCharCode(c);
    if (c === 0xd7 || c === 0xf7) {
      classes += '0';
      folds += s;
      continue;
    }
    const lower = s.toLowerCase();
    const upper = s.toUpperCase();
    if (lower === upper) {
      classes += 'o';
      folds += s;
      continue;
    }
    classes += s === upper ? 'U' : 'l';
    folds += String.fromCharCode(lower.normalize('NFD').charCodeAt(0));
  }
  return [classes, folds];
}

describe('precomputed character tables', () => {
  it('match the case mappings and decompositions of the runtime', () => {
    for (const [from, classes, folds] of CASED_RANGES) {
      expect(classes.length).toBe(folds.length);
      expect([from, ...derive(from, classes.length)]).toEqual([from, classes, folds]);
    }
  });
  it('cover Latin-1, Latin extended, Greek, Cyrillic and Latin/Greek extended additional', () => {
    expect(CASED_RANGES.map(([from, classes]) => [from, from + classes.length - 1])).toEqual([
      [0xc0, 0x24f],
      [0x370, 0x52f],
      [0x1e00, 0x1fff],
    ]);
  });
});
