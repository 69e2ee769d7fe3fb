// The tables the compiler ships (matcher-index.ts) must load into the same matcher as building the trie does.
import { describe, expect, it } from 'vitest';
import { annotate, buildMatcherData, loadMatcher, withIndex } from '../../../engine/index';
import { INDEX_FORMAT } from '../../../engine/matcher-index';
import { TEST_ENTITIES } from './fixtures';

const data = buildMatcherData(TEST_ENTITIES);
const TEXT =
  'Marin Le Pen and Emmanuel Macron debated; Le Pen spoke of NATO, the EU and Brexit. Macron answered her in Paris. ' +
  'Putin’s war in Ukraine, the U.S. and Germany came up. Angela Merkel was not named again.';

describe('shipped matcher tables', () => {
  const built = loadMatcher(data);
  const shipped = withIndex(data);
  const decoded = loadMatcher(JSON.parse(JSON.stringify(shipped)));

  it('are used when present, and load the same tables as building the trie (edge table included)', () => {
    expect(shipped.index?.format).toBe(INDEX_FORMAT);
    expect(shipped.aliases.hashes).toBeUndefined(); // (the builder's inputs are not shipped twice)
    for (const key of Object.keys(built) as (keyof typeof built)[]) {
      const a = built[key];
      const b = decoded[key];
      if (ArrayBuffer.isView(a)) expect(Array.from(b as Int32Array), key).toEqual(Array.from(a as Int32Array));
      else expect(b, key).toEqual(a);
    }
  });

  it('find the same mentions', () => {
    const a = annotate(built, TEXT);
    expect(a.length).toBeGreaterThan(8);
    expect(annotate(decoded, TEXT)).toEqual(a);
  });

  it('are ignored when they do not belong to the rows or are of another format (the trie is built instead)', () => {
    const stale = JSON.parse(JSON.stringify(shipped));
    stale.aliases.rule.push(0);
    stale.aliases.entity.push(0);
    stale.aliases.kind.push(0);
    stale.aliases.norms += '\nzzz qqq';
    expect(loadMatcher(stale).rowRule.length).toBe(built.rowRule.length + 1);
    const other = JSON.parse(JSON.stringify(shipped));
    other.index.format = INDEX_FORMAT + 1;
    other.index.tables = {};
    expect(annotate(loadMatcher(other), TEXT)).toEqual(annotate(built, TEXT));
  });
});
