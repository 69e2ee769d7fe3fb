// The tables the compiler ships (matcher-index.ts) must load into the same matcher as building the trie does.
import { describe, expect, it } from 'vitest';
import { annotate, buildMatcherData, forShipping, loadMatcher } from '../../../engine/index';
import { INDEX_FORMAT } from '../../../engine/matcher-index';
import { TEST_ENTITIES } from './fixtures';

const data = buildMatcherData(TEST_ENTITIES);
const TEXT =
  'Marin Le Pen and Emmanuel Macron debated; Le Pen spoke of NATO, the EU and Brexit. Macron answered her in Paris. ' +
  'Putin’s war in Ukraine, the U.S. and Germany came up. Angela Merkel was not named again.';

describe('shipped matcher tables', () => {
  const built = loadMatcher(data);
  const shipped = forShipping(data);
  const shippedData = JSON.parse(JSON.stringify(shipped.data));
  const decoded = loadMatcher(shippedData, shipped.index);

  it('are used when present, and load the same tables as building the trie (edge table included)', () => {
    expect(shipped.data.aliases.hashes).toBeUndefined(); // (the builder's inputs are not shipped twice)
    expect(decoded.tables).toBe('shipped');
    expect(decoded.edgeChild.buffer).toBe(shipped.index.buffer); // views of the file, not copies
    for (const key of Object.keys(built) as (keyof typeof built)[]) {
      if (key === 'tables') continue;
      const a = built[key];
      const b = decoded[key];
      if (ArrayBuffer.isView(a)) expect(Array.from(b as Int32Array), key).toEqual(Array.from(a as Int32Array));
      else expect(b, key).toEqual(a);
    }
  });

  it('find the same mentions, also from a copy of the file that is not 8-byte aligned', () => {
    const a = annotate(built, TEXT);
    expect(a.length).toBeGreaterThan(8);
    expect(annotate(decoded, TEXT)).toEqual(a);
    const unaligned = new Uint8Array(shipped.index.length + 1).subarray(1);
    unaligned.set(shipped.index);
    expect(annotate(loadMatcher(shippedData, unaligned), TEXT)).toEqual(a);
  });

  it('are ignored when they do not belong to the rows, are of another format or cut short (the trie is built instead)', () => {
    const stale = JSON.parse(JSON.stringify(shipped.data));
    stale.aliases.rule.push(0);
    stale.aliases.entity.push(0);
    stale.aliases.kind.push(0);
    stale.aliases.norms += '\nzzz qqq';
    const fromStale = loadMatcher(stale, shipped.index);
    expect(fromStale.tables).toBe('built');
    expect(fromStale.rowRule.length).toBe(built.rowRule.length + 1);
    const other = shipped.index.slice();
    const text = new TextDecoder().decode(other);
    const at = text.indexOf(`"format":${INDEX_FORMAT}`) + '"format":'.length;
    other[at] = '0'.charCodeAt(0) + ((INDEX_FORMAT + 1) % 10);
    const fromOther = loadMatcher(shippedData, other);
    expect(fromOther.tables).toBe('built');
    expect(annotate(fromOther, TEXT)).toEqual(annotate(built, TEXT));
    for (const cut of [shipped.index.subarray(0, 3), shipped.index.subarray(0, 100), shipped.index.subarray(0, shipped.index.length - 8)]) {
      const fromCut = loadMatcher(shippedData, cut);
      expect(fromCut.tables).toBe('built');
      expect(annotate(fromCut, TEXT)).toEqual(annotate(built, TEXT));
    }
  });
});
