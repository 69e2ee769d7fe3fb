// Finds recurring named figures, organisations and places the catalog lacks: runs of 2–4 capitalised words that
// no catalog mention covers and that recur in at least three articles. Precision over recall: a run is kept only
// when its type is clear — an organisation word in it, mostly "in/at/near/from" before it (a place), or a
// given-name + surname shape with person evidence (a title before it, the surname alone later in the same article,
// or an age after it: "Jane Doe, 45,"). Everything else is dropped.
import { APOS, CHAR_CLASS, HYPHEN, UPPER, WORD } from '../normalize';
import type { EntityType, Mention } from '../types';
import type { SentenceSpan } from './sentences';

export interface DiscoveryArticle {
  text: string;
  date: string | null;
  sentences: SentenceSpan[];
  mentions: Mention[]; // catalog mentions, sorted by start
}

export interface DiscoveredName {
  name: string;
  type: EntityType;
  articles: number;
  firstDate: string | null;
}

export const MIN_ARTICLES = 3;

const ORGANIZATION_WORDS = words(
  'party council ministry university bank court police agency company association union committee commission ' +
    'institute institution department office authority board bureau parliament assembly congress senate ' +
    'government administration army navy force forces guard club church hospital school college academy museum ' +
    'society foundation fund trust organisation organization federation alliance front movement league network ' +
    'service services corporation inc ltd llc plc group airlines airways times post journal herald guardian ' +
    'telegraph tribune gazette news radio television broadcasting tv fc watch international',
);
// Words that make a run neither a person nor a place we can name with confidence (events, laws, works, groups).
const NOT_A_NAME_WORDS = words(
  'war wars games olympics olympic cup championship championships election elections summit conference festival ' +
    'day week year act bill law treaty agreement accord award awards prize series show film album book report ' +
    'state states national united general royal federal central world street road avenue square bridge airport ' +
    'station park island islands river lake mountain mount valley bay sea ocean gulf coast hall house palace tower ' +
    'centre center city county province region district republic kingdom empire capital christmas easter new ' +
    'north south east west northern southern eastern western upper lower great greater saint st covid coronavirus ' +
    'virus crisis project program programme operation plan code internet online twitter facebook google ' +
    'hurricane storm typhoon cyclone tropical human rights civil public social security climate freedom liberty ' +
    'justice peace democracy independence revolution constitution amendment ' +
    // nationalities and languages: "American Samoa", "British Columbia" are places we cannot type safely
    'american british english french german russian chinese japanese indian australian canadian african european ' +
    'asian arab israeli palestinian iranian iraqi syrian turkish mexican brazilian spanish italian irish scottish ' +
    'welsh korean ukrainian polish dutch swedish norwegian danish greek egyptian saudi afghan pakistani nigerian ' +
    'kenyan islamic muslim christian catholic jewish',
);
const CALENDAR_WORDS = words(
  'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august ' +
    'september october november december',
);
// Capitalised only because they start a sentence.
const FUNCTION_WORDS = words(
  'the a an in on at to of for from by with without and but or nor so yet if when while after before as since ' +
    'until during because although though however meanwhile also then there here he she it they we i you his her ' +
    'its their our my your this that these those some many most all both each other another such what which who ' +
    'whom whose where why how according speaking asked last earlier later today yesterday tomorrow one two three ' +
    'four five six seven eight nine ten no not despite under over about against among between into through former ' +
    'once now still even only just more several police officials authorities reports witnesses',
);
// Titles and roles that stand before a name ("Prime Minister Jane Doe"); a run ending in one names a role.
const TITLE_WORDS = words(
  'mr mrs ms miss dr prof professor sir dame lord lady president vice prime minister secretary chancellor premier ' +
    'senator sen representative rep congressman congresswoman governor gov mayor judge attorney prosecutor ' +
    'commissioner chief director chairman chairwoman chair ceo spokesman spokeswoman spokesperson leader deputy ' +
    'ambassador general gen colonel col captain capt lieutenant lt sergeant sgt admiral commander officer detective ' +
    'inspector superintendent constable king queen prince princess pope cardinal bishop archbishop reverend rev ' +
    'father sheikh coach manager speaker member members mp mps',
);
// Words that qualify a title: "Home Secretary", "Secretary of State", "Foreign Minister".
const TITLE_QUALIFIERS = words('state foreign interior defence defense health finance home justice');
const ROLE_WORDS_BEFORE = words(
  'president minister secretary chancellor leader senator governor mayor judge prosecutor attorney lawyer ' +
    'commissioner chief director chairman chairwoman ceo founder spokesman spokeswoman spokesperson ambassador ' +
    'general officer detective inspector king queen prince princess pope bishop coach manager actor actress singer ' +
    'rapper musician player striker goalkeeper author writer journalist reporter professor candidate politician ' +
    'activist businessman businesswoman chef artist director producer presenter mr mrs ms dr',
);
const PLACE_PREPOSITIONS = words('in at near from');
// Lowercase words that may sit inside a name: "Bank of England", "Ursula von der Leyen", "Osama bin Laden".
const CONNECTORS = words('of for and de da del della di du van von der den la le bin ibn al el');
const PERSON_PARTICLES = words('de da del della di du van von der den la le bin ibn al el');

function words(list: string): Set<string> {
  return new Set(list.split(/\s+/).filter(Boolean));
}

interface Word {
  text: string; // without a trailing possessive
  start: number;
  end: number;
  capital: boolean;
  possessive: boolean;
}

interface Occurrence {
  locative: boolean;
  titled: boolean;
  aged: boolean;
}

/** What one article says about each candidate name. */
type ArticleFinds = Map<string, { tokens: string[]; connectors: string[]; occurrences: Occurrence[] }>;

interface Tally {
  name: string;
  tokens: string[]; // capitalised tokens, for the type guess
  connectors: string[];
  articles: number;
  occurrences: number;
  locative: number;
  personEvidence: number; // articles with a title, the surname alone, or an age
  firstDate: string | null;
}

const CAPITALISED = /^(?:\p{Lu}|(?:al|el|ad|as|ash|at|ibn|bin|abu)-\p{Lu})/u; // "Smith", "al-Assad"
// "Smith", "O'Brien", "Jean-Luc", "el-Sisi", or an initial "F."
const NAME_PART = /^(?:\p{Lu}\.|(?:\p{Ll}+-)?\p{Lu}[\p{Ll}\p{M}]+(?:[-'’]\p{Lu}?[\p{Ll}\p{M}]+)*)$/u;
const AGE_AFTER = /^,\s*\d{1,3},/;

/** Collects name candidates across articles; call add() once per article, then result(). */
export class NameDiscovery {
  private readonly tallies = new Map<string, Tally>();

  add(article: DiscoveryArticle): void {
    const found: ArticleFinds = new Map();
    const singles = new Set<string>(); // capitalised words standing alone: surnames used on their own
    const { text, sentences, mentions } = article;
    let mentionIndex = 0;
    let sentenceIndex = 0;
    let run: Word[] = [];
    let runSentenceStart = false; // the run's first word opens its sentence
    let wordBeforeRun = '';
    let previousStart = -1;
    let previousEnd = -1;
    let previousInitial = false; // the previous word is an initial followed by a period: "John F. Kennedy"

    const finish = () => {
      if (run.length > 0) this.finishRun(text, run, runSentenceStart, wordBeforeRun, found, singles);
      run = [];
    };

    // Words are scanned with the engine's character table (no regex, no string for most lowercase words).
    const n = text.length;
    let i = 0;
    while (i < n) {
      const firstClass = CHAR_CLASS[text.charCodeAt(i)];
      if (firstClass < WORD) {
        i++;
        continue;
      }
      const start = i;
      let hyphenUpper = false; // "al-Assad"
      for (i++; i < n; ) {
        const k = CHAR_CLASS[text.charCodeAt(i)];
        if (k >= WORD) i++;
        else if ((k === APOS || k === HYPHEN) && i + 1 < n && CHAR_CLASS[text.charCodeAt(i + 1)] >= WORD) {
          if (k === HYPHEN && CHAR_CLASS[text.charCodeAt(i + 1)] === UPPER) hyphenUpper = true;
          i += 2;
        } else break;
      }
      const end = i;
      if (run.length === 0 && firstClass !== UPPER && !hyphenUpper) {
        // The common case: a lowercase word (or a number) outside any run.
        previousStart = start;
        previousEnd = end;
        previousInitial = false;
        continue;
      }
      while (sentenceIndex < sentences.length && sentences[sentenceIndex].end <= start) sentenceIndex++;
      const sentenceStart = sentenceIndex < sentences.length ? sentences[sentenceIndex].start : n;
      const opensSentence = previousEnd < sentenceStart;
      while (mentionIndex < mentions.length && mentions[mentionIndex].end <= start) mentionIndex++;
      const covered = mentionIndex < mentions.length && mentions[mentionIndex].start < end;
      // Anything but spaces between two words (punctuation, a line break) ends a run.
      const joined =
        !opensSentence &&
        (onlySpacesBetween(text, previousEnd, start) || (previousInitial && onlySpacesBetween(text, previousEnd + 1, start)));
      const raw = text.slice(start, end);
      // "Smith's" (one word here) or "Jones'" (the apostrophe right after): the name ends there.
      const possessive =
        (end - start > 2 && CHAR_CLASS[text.charCodeAt(end - 2)] === APOS && (raw.endsWith('s') || raw.endsWith('S'))) ||
        (end < n && CHAR_CLASS[text.charCodeAt(end)] === APOS);
      const initial = end - start === 1 && firstClass === UPPER && text[end] === '.';
      const wordText = initial ? `${raw}.` : possessive && raw.length > 2 && CHAR_CLASS[raw.charCodeAt(raw.length - 2)] === APOS ? raw.slice(0, -2) : raw;
      const word: Word = {
        text: wordText,
        start,
        end,
        capital: firstClass === UPPER || (hyphenUpper && CAPITALISED.test(raw)),
        possessive,
      };
      const lower = word.text.toLowerCase();

      // A run running into a catalog name is part of a longer name ("John F. Kennedy"): not a name of its own.
      if (covered && joined) run = [];
      if (!joined || covered || CALENDAR_WORDS.has(lower)) finish();
      if (covered || CALENDAR_WORDS.has(lower)) {
        // a catalog mention or a date word: never part of a name
      } else if (word.capital) {
        if (run.length === 0) {
          runSentenceStart = opensSentence;
          wordBeforeRun = joined ? text.slice(previousStart, previousEnd).toLowerCase() : '';
        }
        run.push(word);
      } else if (run.length > 0 && CONNECTORS.has(lower)) {
        run.push(word);
      } else {
        finish();
      }
      if (word.possessive) finish();
      previousStart = start;
      previousEnd = end;
      previousInitial = initial;
    }
    finish();

    for (const [name, entry] of found) {
      let tally = this.tallies.get(name);
      if (!tally) {
        tally = {
          name,
          tokens: entry.tokens,
          connectors: entry.connectors,
          articles: 0,
          occurrences: 0,
          locative: 0,
          personEvidence: 0,
          firstDate: null,
        };
        this.tallies.set(name, tally);
      }
      tally.articles++;
      tally.occurrences += entry.occurrences.length;
      tally.locative += entry.occurrences.filter((o) => o.locative).length;
      const surnameAlone = entry.tokens.length >= 2 && singles.has(entry.tokens[entry.tokens.length - 1]);
      if (surnameAlone || entry.occurrences.some((o) => o.titled || o.aged)) tally.personEvidence++;
      if (article.date && (tally.firstDate === null || article.date < tally.firstDate)) tally.firstDate = article.date;
    }
  }

  private finishRun(
    text: string,
    run: Word[],
    sentenceStart: boolean,
    wordBefore: string,
    found: ArticleFinds,
    singles: Set<string>,
  ): void {
    // "and" joins the words of an organisation's name ("Securities and Exchange Commission"), otherwise two names.
    const and = run.findIndex((w) => w.text === 'and');
    if (and >= 0 && !run.some((w) => w.capital && ORGANIZATION_WORDS.has(w.text.toLowerCase()))) {
      this.finishRun(text, run.slice(0, and), sentenceStart, wordBefore, found, singles);
      this.finishRun(text, run.slice(and + 1), false, '', found, singles);
      return;
    }
    let words = run;
    while (words.length > 0 && !words[words.length - 1].capital) words = words.slice(0, -1);
    if (words.length > 0 && (words[0].text === 'The' || (sentenceStart && FUNCTION_WORDS.has(words[0].text.toLowerCase())))) {
      wordBefore = words[0].text.toLowerCase();
      words = words.slice(1);
    }
    // Strip titles: "Foreign Minister Jane Doe" -> "Jane Doe" (only when a two-word name is left).
    let titled = ROLE_WORDS_BEFORE.has(wordBefore);
    for (let i = words.length - 1; i >= 0; i--) {
      const lower = words[i].text.toLowerCase().replace(/\.$/, '');
      if (!TITLE_WORDS.has(lower) && !TITLE_QUALIFIERS.has(lower)) continue;
      const rest = words.slice(i + 1);
      if (rest.filter((w) => w.capital).length >= 2) {
        words = rest;
        titled = true;
        wordBefore = '';
      }
      break;
    }
    while (words.length > 0 && !words[0].capital) words = words.slice(1);
    const capitals = words.filter((w) => w.capital);
    if (capitals.length === 1 && words.length === 1) singles.add(capitals[0].text);
    if (capitals.length < 2 || capitals.length > 4) return;
    if (capitals.some((w) => /\p{N}/u.test(w.text))) return;
    const name = words.map((w) => w.text).join(' ');
    const after = text.slice(words[words.length - 1].end, words[words.length - 1].end + 8);
    const occurrence: Occurrence = {
      locative: PLACE_PREPOSITIONS.has(wordBefore),
      titled,
      aged: AGE_AFTER.test(after),
    };
    const entry = found.get(name);
    if (entry) entry.occurrences.push(occurrence);
    else {
      found.set(name, {
        tokens: capitals.map((w) => w.text),
        connectors: words.filter((w) => !w.capital).map((w) => w.text.toLowerCase()),
        occurrences: [occurrence],
      });
    }
  }

  /** Names found in at least MIN_ARTICLES articles whose type we can tell, most frequent first. */
  result(): DiscoveredName[] {
    const out: DiscoveredName[] = [];
    for (const tally of this.tallies.values()) {
      if (tally.articles < MIN_ARTICLES) continue;
      const type = guessType(tally);
      if (type) out.push({ name: tally.name, type, articles: tally.articles, firstDate: tally.firstDate });
    }
    return out.sort((a, b) => b.articles - a.articles || a.name.localeCompare(b.name));
  }
}

function onlySpacesBetween(text: string, from: number, to: number): boolean {
  if (from < 0 || from >= to) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xa0) return false;
  }
  return true;
}

function guessType(tally: Tally): EntityType | null {
  const lowered = tally.tokens.map((t) => t.toLowerCase());
  if (lowered.some((t) => ORGANIZATION_WORDS.has(t))) {
    // "Police Chief", "Member of Parliament" are roles, "Police Department" a generic phrase: none names one organisation.
    if (TITLE_WORDS.has(lowered[0]) || TITLE_WORDS.has(lowered[lowered.length - 1])) return null;
    const generic = (t: string) => ORGANIZATION_WORDS.has(t) || NOT_A_NAME_WORDS.has(t) || FUNCTION_WORDS.has(t);
    return lowered.every(generic) ? null : 'organization';
  }
  const notAName = (t: string) =>
    NOT_A_NAME_WORDS.has(t) || TITLE_WORDS.has(t) || TITLE_QUALIFIERS.has(t) || FUNCTION_WORDS.has(t);
  if (lowered.some(notAName)) return null;
  if (tally.locative * 2 > tally.occurrences) return 'place';
  const personShape =
    tally.tokens.length <= 3 &&
    tally.tokens.every((t) => NAME_PART.test(t)) &&
    tally.connectors.every((c) => PERSON_PARTICLES.has(c));
  // Person evidence in at least a third of its articles (and at least two).
  if (personShape && tally.personEvidence >= Math.max(2, tally.articles / 3)) return 'person';
  return null;
}
