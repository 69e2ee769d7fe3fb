// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { MentionStore, type PageMention } from '../../../lib/page/mention-store';

function mention(node: Text, start: number, end: number, entity: number, endNode: Text = node): PageMention {
  return {
    entity,
    startNode: node,
    startOffset: start,
    endNode,
    endOffset: end,
    nodes: node === endNode ? [node] : [node, endNode],
    range: { startContainer: node, startOffset: start, endContainer: endNode, endOffset: end, collapsed: false } as unknown as StaticRange,
    inMain: true,
    marked: true,
  };
}

describe('MentionStore', () => {
  document.body.innerHTML = '<p id="a">Marine Le Pen met Vladimir Putin.</p><p id="b">Later NATO</p><p id="c">Marine <b>Le Pen</b> left.</p>';
  const a = document.getElementById('a')!.firstChild as Text;
  const b = document.getElementById('b')!.firstChild as Text;
  const c1 = document.getElementById('c')!.firstChild as Text;
  const c2 = document.querySelector('#c b')!.firstChild as Text;

  it('keeps blocks in document order whatever order they arrive in', () => {
    const store = new MentionStore();
    store.insertBlock([mention(c1, 0, 6, 1, c2)]);
    store.insertBlock([mention(a, 0, 13, 1), mention(a, 18, 32, 2)]);
    store.insertBlock([mention(b, 6, 10, 3)]);
    expect(store.all.map((m) => [m.startNode, m.startOffset])).toEqual([[a, 0], [a, 18], [b, 6], [c1, 0]]);
  });

  it('finds the mention at a caret offset, including one spanning two text nodes, and nothing between mentions', () => {
    const store = new MentionStore();
    store.insertBlock([mention(a, 0, 13, 1), mention(a, 18, 32, 2)]);
    store.insertBlock([mention(c1, 0, 6, 5, c2)]);
    expect(store.at(a, 5)?.entity).toBe(1);
    expect(store.at(a, 13)?.entity).toBe(1); // just after the last letter
    expect(store.at(a, 15)).toBeNull();
    expect(store.at(a, 20)?.entity).toBe(2);
    expect(store.at(c1, 3)?.entity).toBe(5);
    expect(store.at(c2, 2)?.entity).toBe(5);
    expect(store.at(b, 7)).toBeNull();
  });

  it('forgets removed mentions, and unmarked ones are not hit', () => {
    const store = new MentionStore();
    const hidden = mention(b, 6, 10, 3);
    hidden.marked = false;
    store.insertBlock([mention(a, 0, 13, 1), mention(a, 18, 32, 2)]);
    store.insertBlock([hidden]);
    expect(store.at(b, 7)).toBeNull();
    expect(store.at(b, 7, false)?.entity).toBe(3);
    expect(store.removeWhere((m) => m.entity === 1)).toBe(1);
    expect(store.at(a, 5)).toBeNull();
    expect(store.size).toBe(2);
  });
});
