import { describe, expect, it } from 'vitest';
import { annotate, buildMatcherData, loadMatcher } from '../../../engine/index';
import { annotateReply } from '../../../lib/background/annotate-reply';
import { isBackgroundRequest, MAX_ANNOTATE_CHARS } from '../../../lib/messages';
import { TEST_ENTITIES } from '../engine/fixtures';

describe('isBackgroundRequest', () => {
  it('accepts the requests the worker answers', () => {
    expect(isBackgroundRequest({ type: 'annotate', text: 'Marine Le Pen spoke.' })).toBe(true);
    expect(isBackgroundRequest({ type: 'entity-details', ids: ['marine-le-pen'] })).toBe(true);
    expect(isBackgroundRequest({ type: 'archive-changed' })).toBe(true);
  });

  it('refuses malformed, oversized and unknown messages', () => {
    expect(isBackgroundRequest({ type: 'annotate' })).toBe(false);
    expect(isBackgroundRequest({ type: 'annotate', text: ['Le Pen'] })).toBe(false);
    expect(isBackgroundRequest({ type: 'annotate', text: 'x'.repeat(MAX_ANNOTATE_CHARS + 1) })).toBe(false);
    expect(isBackgroundRequest({ type: 'entity-details', ids: [42] })).toBe(false);
    expect(isBackgroundRequest({ type: 'imported-matcher' })).toBe(false); // retired: pages no longer load a matcher
    expect(isBackgroundRequest({ type: 'run-code', code: '1' })).toBe(false);
    expect(isBackgroundRequest(null)).toBe(false);
  });
});

describe('annotateReply', () => {
  const matcher = loadMatcher(buildMatcherData(TEST_ENTITIES));
  const text = 'Marine Le Pen met Emmanuel Macron. Later Le Pen said NATO should change; Macron disagreed.';

  it('carries every mention as a triple, naming each entity once', () => {
    const reply = annotateReply(matcher, text);
    const expected = annotate(matcher, text);
    expect(reply.mentions.length).toBe(expected.length * 3);
    expect(new Set(reply.entities.map((e) => e.id)).size).toBe(reply.entities.length);
    expected.forEach((m, i) => {
      const [start, end, k] = reply.mentions.slice(i * 3, i * 3 + 3);
      expect([start, end]).toEqual([m.start, m.end]);
      expect(reply.entities[k].id).toBe(matcher.entities[m.entity].id);
    });
    const surfaces = [];
    for (let i = 0; i < reply.mentions.length; i += 3) surfaces.push(text.slice(reply.mentions[i], reply.mentions[i + 1]));
    expect(surfaces).toContain('Le Pen');
  });

  it('is empty for a text without known names', () => {
    expect(annotateReply(matcher, 'Nothing to see here.')).toEqual({ mentions: [], entities: [] });
  });
});
