// Picks each entity's best background sentences in one pass over the archive: every sentence that mentions an
// entity gets a score for how much it says about that entity, and each entity keeps only its top few (a small
// sorted list, so the cost is linear in the number of mentions).
import type { Mention } from '../types';
import { countWords, type SentenceSpan } from './sentences';

export const BACKGROUND_SIZE = 5;
/** Candidates kept per entity, so the final pick can spread over several articles. */
const POOL_SIZE = 15;
/** Sentences from one article, unless the entity has too few from others. */
const PER_ARTICLE = 2;
const MIN_WORDS = 8;
const MAX_WORDS = 70; // 46–70 words is allowed but marked down
const IDEAL_WORDS: [number, number] = [12, 35];
const FAIR_WORDS = 45;

const HAS_NUMBER = /\d/;
const HAS_DATE =
  /\b(?:1[89]\d\d|20\d\d|January|February|March|April|May|June|July|August|September|October|November|December)\b/;
// Verbs and nouns that say what someone is or did.
const ROLE =
  /\b(?:elect(?:ed|ion)|appointed|named|became|become|serv(?:ed|es|ing)|leads?|led|leader|head(?:ed|s)?|president|minister|chair(?:man|woman)?|founded|founder|won|wins|lost|defeated|resigned|ran|candidate|vote[ds]?|campaign|sentenced|convicted|charged|arrested|accused|signed|announced|launched|member|chief|director|governor|senator|party)\b/i;
const QUOTE_CHARS = /["“”«»]/;
const PREPOSITIONS = new Set(['in', 'at', 'on', 'with', 'from', 'to', 'of', 'by', 'for', 'against', 'about', 'than', 'and']);

export interface BackgroundPick {
  article: number;
  text: string;
  score: number;
}

/** Sentence features that do not depend on which entity we score for. */
interface SentenceInfo {
  text: string;
  base: number; // score before entity-specific parts; -Infinity when unusable
}

function describeSentence(text: string): SentenceInfo {
  const wordCount = countWords(text);
  if (wordCount < MIN_WORDS || wordCount > MAX_WORDS) return { text, base: -Infinity };
  let base = 0;
  if (HAS_NUMBER.test(text)) base += 1.5;
  if (HAS_DATE.test(text)) base += 1;
  if (ROLE.test(text)) base += 1;
  if (wordCount >= IDEAL_WORDS[0] && wordCount <= IDEAL_WORDS[1]) base += 0.5;
  else if (wordCount > FAIR_WORDS) base -= 1;
  if (QUOTE_CHARS.test(text)) {
    // Mostly a quotation: says what someone said, not who they are.
    const quoted = quotedShare(text);
    if (quoted > 0.6) return { text, base: -Infinity };
    base -= quoted > 0.25 ? 1 : 0.5;
  }
  if (!/^["“'‘(]?[\p{Lu}\p{N}]/u.test(text)) base -= 1; // starts mid-thought
  if (!/[.!?]["”’)]*$/.test(text)) base -= 1; // cut off
  return { text, base };
}

/** Share of characters inside double quotes. */
function quotedShare(text: string): number {
  let inside = false;
  let quoted = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"' || ch === '“' || ch === '”' || ch === '«' || ch === '»') {
      inside = ch === '"' ? !inside : ch === '“' || ch === '«';
      continue;
    }
    if (inside) quoted++;
  }
  return quoted / Math.max(1, text.length);
}

/** How much the entity drives the sentence: its first mention is the subject, a possessive, or further in. */
function subjectBonus(text: string, offset: number, end: number): number {
  const before = text.slice(0, offset);
  if (countWords(before) > 6) return 0;
  if (PREPOSITIONS.has(lastWord(before).toLowerCase())) return 0;
  return /^['’]s?\b/.test(text.slice(end, end + 2)) ? 1 : 2;
}

/** The last word of a string if it is made of ASCII letters ("of" in "a photo of "; "" in "In 2014, "). */
function lastWord(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) <= 32) end--;
  let start = end;
  while (start > 0 && isAsciiLetter(text.charCodeAt(start - 1))) start--;
  return text.slice(start, end);
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

export class BackgroundPicker {
  private readonly picks: BackgroundPick[][];

  constructor(entityCount: number) {
    this.picks = Array.from({ length: entityCount }, () => []);
  }

  /**
   * Scores the sentences of one article. `mentions` are sorted by start; `recency` is 0 (oldest) .. 1 (newest) for
   * dated articles, null for undated ones.
   */
  addArticle(article: number, text: string, sentences: SentenceSpan[], mentions: Mention[], recency: number | null): void {
    const dateBonus = recency === null ? 0 : 0.5 + 0.5 * recency;
    let m = 0;
    for (const span of sentences) {
      while (m < mentions.length && mentions[m].start < span.start) m++;
      if (m >= mentions.length) break;
      if (mentions[m].start >= span.end) continue;
      // Mentions inside this sentence: first mention per entity.
      const firsts = new Map<number, Mention>();
      let k = m;
      for (; k < mentions.length && mentions[k].start < span.end; k++) {
        if (!firsts.has(mentions[k].entity)) firsts.set(mentions[k].entity, mentions[k]);
      }
      m = k;
      const info = describeSentence(text.slice(span.start, span.end));
      if (info.base === -Infinity) continue;
      const others = Math.min(2, 0.5 * (firsts.size - 1));
      for (const [entity, mention] of firsts) {
        const score =
          info.base + others + dateBonus + subjectBonus(info.text, mention.start - span.start, mention.end - span.start);
        this.offer(entity, article, info.text, score);
      }
    }
  }

  private offer(entity: number, article: number, text: string, score: number): void {
    const list = this.picks[entity];
    if (list.length >= POOL_SIZE && score <= list[list.length - 1].score) return;
    // The same sentence in two articles (a wire story, a correction) is kept once, at its best score.
    const same = list.findIndex((p) => p.text === text);
    if (same >= 0) {
      if (list[same].score >= score) return;
      list.splice(same, 1);
    }
    list.push({ article, text, score });
    list.sort((a, b) => b.score - a.score);
    if (list.length > POOL_SIZE) list.pop();
  }

  /** Best sentences of an entity, best first, at most PER_ARTICLE from one article while others are available. */
  picksFor(entity: number): BackgroundPick[] {
    const pool = this.picks[entity];
    const chosen: BackgroundPick[] = [];
    const perArticle = new Map<number, number>();
    for (const pick of pool) {
      const count = perArticle.get(pick.article) ?? 0;
      if (count >= PER_ARTICLE || chosen.length >= BACKGROUND_SIZE) continue;
      perArticle.set(pick.article, count + 1);
      chosen.push(pick);
    }
    for (const pick of pool) {
      if (chosen.length >= BACKGROUND_SIZE) break;
      if (!chosen.includes(pick)) chosen.push(pick);
    }
    return chosen.sort((a, b) => b.score - a.score);
  }
}
