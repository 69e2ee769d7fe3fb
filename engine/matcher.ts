// Spotting: finds every place in a text where an alias of a known entity occurs, in one pass.
// Aliases are stored as a trie over folded word tokens; each edge is keyed by (parent node, token hash) in an
// open-addressing table of typed arrays, and a node is told from others at that key by a second hash of its word.
// The scan hashes tokens on the fly (no per-token strings, no regex) and skips lowercase words that cannot start an
// alias. Which entity a match refers to is decided later (linker.ts).

import type { EntityInput, EntityType } from './types';
import {
  APOS,
  CHAR_CLASS,
  CHECK_MASK,
  CHECK_SEED,
  checkStep,
  DIGIT,
  FOLD,
  HASH_SEED,
  HYPHEN,
  hashToken,
  LOWER,
  NEWLINE,
  PERIOD,
  SPACE,
  UPPER,
  WORD,
  tokenize,
  withinOneEdit,
} from './normalize';
import { COMMON_WORDS } from './linker';
import { decodeIndex, encodeIndex } from './matcher-index';
import { COMMON_SURNAMES, deriveSurnames } from './names';
import { WasmWordScan, WORD_LOWER, WORD_REHASH } from './word-scan';

export const MATCHER_DATA_VERSION = 2;

/** How an alias row names its entity. */
export const KIND_NAME = 0; // the display name
export const KIND_ALIAS = 1; // an alias from the catalog
export const KIND_SURNAME = 2; // derived from a person's name ("Le Pen", "Macron")
export const KIND_FUZZY_TAIL = 3; // loader-only: the rest of a name whose first word may be misspelt

/** Case rule bits of an alias row. */
export const RULE_ACRONYM = 1; // "NATO", "EU": the text must be in capitals (title case allowed from 4 letters: "Nato")
export const RULE_COMMON = 2; // a single word that is also common English ("May", "Rally"): needs context
const RULE_MASK_SHIFT = 2; // then one bit per token: that token must start with a capital

export interface MatcherEntity {
  id: string;
  name: string;
  type: EntityType;
  wikipedia: string | null;
  description: string;
  asOf: string | null;
  discovered?: boolean;
  /** the country it belongs to (the catalog's hint), for telling apart same-named entities ("Georgia") */
  country?: string;
}

/** Compact, JSON-serialisable form of a matcher, written by the archive compiler. */
export interface MatcherData {
  version: number;
  entities: MatcherEntity[];
  /** parallel to entities */
  prominence: number[];
  /**
   * One row per (alias, entity), as parallel columns (fast to parse): `norms` holds every row's folded words joined
   * by single spaces, rows separated by "\n"; `rule` the case rule bits, `entity` the entity index, `kind` KIND_*;
   * `words` the number of words of each row and `hashes` the hash of every word, row after row (so that loading
   * does not have to read the aliases character by character; computed at load time when absent).
   */
  aliases: { norms: string; rule: number[]; entity: number[]; kind: number[]; words?: number[]; hashes?: number[] };
}

/** The alias rows of matcher data as [folded words, rule, entity, kind] (for tools and tests; not a hot path). */
export function aliasRows(data: MatcherData): [string, number, number, number][] {
  const a = data.aliases;
  if (a.rule.length === 0) return [];
  return a.norms.split('\n').map((norm, i) => [norm, a.rule[i], a.entity[i], a.kind[i]]);
}

function pushRow(data: MatcherData, norm: string, rule: number, entity: number, kind: number): void {
  const a = data.aliases;
  a.norms += (a.rule.length ? '\n' : '') + norm;
  const words = norm.split(' ');
  (a.words ??= []).push(words.length);
  a.hashes ??= [];
  for (const w of words) a.hashes.push(hashToken(w));
  a.rule.push(rule);
  a.entity.push(entity);
  a.kind.push(kind);
}

export interface Matcher {
  /** where the lookup tables came from: the compiler's shipped index, or a trie built at load time */
  tables: 'shipped' | 'built';
  entities: MatcherEntity[];
  prominence: Float64Array;
  // alias rows, grouped by trie node: rows of node k are rowOrder[nodeRowStart[k] .. nodeRowStart[k+1]).
  // A row's folded words are norms.slice(rowStart[row], rowEnd[row]) (no string per row is made at load time).
  norms: string;
  rowStart: Int32Array;
  rowEnd: Int32Array;
  rowRule: Int32Array;
  rowEntity: Int32Array;
  rowKind: Uint8Array;
  /** for fuzzy-tail rows: the full name's row (its first word is the one that may be misspelt) */
  rowTarget: Int32Array;
  /** words of each row (at most MAX_DEPTH) */
  rowWordCount: Uint8Array;
  rowOrder: Int32Array;
  nodeRowStart: Int32Array;
  /** where each node's fuzzy-tail rows start in rowOrder: after its other rows, up to nodeRowStart[k + 1] */
  nodeTailFrom: Int32Array;
  /**
   * by position in rowOrder, for a fuzzy-tail row: tailKey of its name's first word, ascending within the node. A
   * common word may end hundreds of names ("Minister"): a search by key finds the few whose first word may be the
   * misspelt word before it (a loop over all of them made the scan 5% slower with 20k two-word names).
   */
  orderTailKey: Int32Array;
  nodeHasChildren: Uint8Array;
  /** bit (letter & 31) set if a child's word of 4+ letters starts with that folded letter (to skip near-miss checks) */
  nodeChildLetters: Int32Array;
  /** the same for every child word: a next word starting with another letter cannot continue the alias */
  nodeNextLetters: Int32Array;
  /** a row through a node, and the node's word's index in that row (to spell the word when needed) */
  nodeRow: Int32Array;
  nodeWordIndex: Uint8Array;
  /** built on first use: each node's word */
  nodeWords: string[] | null;
  nodeParent: Int32Array;
  /** each node's word's hash */
  nodeHash: Int32Array;
  /**
   * each node's word's second hash (checkToken): a probe compares it too, so that a text word reaches a node only if
   * it agrees with the node's word in 62 bits. (Comparing each match's letters with its alias instead, as before,
   * cost a tenth of the scan with 20k aliases.)
   */
  nodeCheck: Int32Array;
  // trie edges
  /**
   * open-addressing table of child nodes (0 = empty: the root is no one's child), at the slot of (parent, word hash);
   * a probe compares the child's nodeHash and nodeParent. (No per-slot copies of them: the table ships as it is.)
   */
  edgeChild: Int32Array;
  edgeMask: number;
  /**
   * Filters on the first words of aliases, as bit sets indexed by the top 16 bits of the word's hash (8 KB each, so
   * they stay in the fastest cache): some alias starts with such a word (`firstWords`), in lowercase too
   * (`firstWordsLower`: "war in Gaza", "de Gaulle"). Most words of a text fail them.
   */
  firstWords: Int32Array;
  firstWordsLower: Int32Array;
  /** 1 for a first word that some alias allows in lowercase ("war" of "war in Gaza"; not "the" of "The Hague") */
  nodeLowerOk: Uint8Array;
  /**
   * Filter on the first three letters of lowercase words, indexed by prefixKey: 1 if some alias may start with a
   * lowercase word so spelt. Most words of a text are lowercase and fail it, so the scan skips them without hashing.
   */
  lowerPrefixes: Uint8Array;
  /** built on first use: children of a node, for near-miss spellings */
  childrenCache: Map<number, number[]> | null;
}

// ---------------------------------------------------------------------------------------------------------------
// Build time

/** Case rule of one alias surface. */
function caseRule(surface: string): { norm: string; rule: number } | null {
  const tokens = tokenize(surface);
  if (tokens.length === 0 || tokens.length > 28) return null;
  const norm = tokens.map((t) => t.norm).join(' ');
  if (norm.replace(/ /g, '').length < 2) return null; // single letters are never names
  let rule = 0;
  tokens.forEach((t, i) => {
    if (t.capital) rule |= 1 << (i + RULE_MASK_SHIFT);
  });
  if (tokens.length === 1) {
    const t = tokens[0];
    // A single word is a name only when capitalised: "Inflation rose", not "inflation"; "the euro", no
    rule |= 1 << RULE_MASK_SHIFT;
    if (t.allCaps && t.norm.length <= 6 && /^[a-z]+$/.test(t.norm)) rule |= RULE_ACRONYM;
    if (COMMON_WORDS.has(t.norm)) rule |= RULE_COMMON;
  }
  return { norm, rule };
}

/** Rows for every name, alias and derived surname of the entities. Slow is fine: it runs in the compiler. */
export function buildMatcherData(entities: EntityInput[]): MatcherData {
  const data: MatcherData = {
    version: MATCHER_DATA_VERSION,
    entities: [],
    prominence: [],
    aliases: { norms: '', rule: [], entity: [], kind: [], words: [], hashes: [] },
  };
  entities.forEach((e, index) => {
    data.entities.push(toMatcherEntity(e));
    data.prominence.push(Number.isFinite(e.prominence) ? e.prominence : 0);
    const seen = new Map<string, number>(); // folded words → row
    const add = (surface: string, kind: number) => {
      // "the Kremlin", "The Hague": the article is not needed to recognise the name, and starting aliases with
      // "The" would make the scan stop at every sentence that starts with it
      // (unless what is left is one common word: "The Sun" is kept, and then needs its capital T)
      const bare = surface.trim().replace(/^the\s+/i, '');
      const rest = tokenize(bare);
      const keepThe = bare !== surface.trim() && rest.length === 1 && COMMON_WORDS.has(rest[0].norm);
      const r = caseRule(keepThe ? 'The ' + bare : bare);
      if (!r) return;
      const known = seen.get(r.norm);
      if (known !== undefined) {
        // the same words spelt otherwise ("Kim Jong Un", "Kim Jong-un"): either case pattern is fine
        const rules = data.aliases.rule;
        rules[known] = (rules[known] & r.rule) | (rules[known] & RULE_COMMON);
        return;
      }
      seen.set(r.norm, data.aliases.rule.length);
      if (kind === KIND_SURNAME && COMMON_SURNAMES.has(r.norm)) r.rule |= RULE_COMMON;
      pushRow(data, r.norm, r.rule, index, kind);
      // "US" is also written "U.S."
      if (r.rule & RULE_ACRONYM && r.norm.length <= 4) {
        const dotted = r.norm.split('').join(' ');
        if (!seen.has(dotted)) {
          seen.set(dotted, data.aliases.rule.length);
          pushRow(data, dotted, ((1 << r.norm.length) - 1) << RULE_MASK_SHIFT, index, kind);
        }
      }
    };
    add(e.name, KIND_NAME);
    for (const a of e.aliases) add(a, KIND_ALIAS);
    if (e.type === 'person') {
      for (const s of deriveSurnames(e.name, e.hints)) add(s, KIND_SURNAME);
    }
  });
  return data;
}

function toMatcherEntity(e: EntityInput | MatcherEntity): MatcherEntity {
  const m: MatcherEntity = {
    id: e.id,
    name: e.name,
    type: e.type,
    wikipedia: e.wikipedia ?? null,
    description: e.description ?? '',
    asOf: e.asOf ?? null,
  };
  if (e.discovered) m.discovered = true;
  const country = 'hints' in e ? e.hints?.country : 'country' in e ? e.country : undefined;
  if (country) m.country = country;
  return m;
}

/** The bundled archive plus a user-imported one; an entity id present in both keeps a's record and gains b's aliases. */
export function mergeMatcherData(a: MatcherData, b: MatcherData): MatcherData {
  const out: MatcherData = {
    version: MATCHER_DATA_VERSION,
    entities: a.entities.slice(),
    prominence: a.prominence.slice(),
    aliases: { norms: '', rule: [], entity: [], kind: [], words: [], hashes: [] },
  };
  const byId = new Map(a.entities.map((e, i) => [e.id, i]));
  const remap = b.entities.map((e, i) => {
    const known = byId.get(e.id);
    if (known !== undefined) return known;
    out.entities.push(e);
    out.prominence.push(b.prominence[i] ?? 0);
    byId.set(e.id, out.entities.length - 1);
    return out.entities.length - 1;
  });
  for (const [norm, rule, entity, kind] of aliasRows(a)) pushRow(out, norm, rule, entity, kind);
  const seen = new Set(aliasRows(a).map((r) => r[0] + '\u0000' + r[2]));
  for (const [norm, rule, entity, kind] of aliasRows(b)) {
    const key = norm + '\u0000' + remap[entity];
    if (seen.has(key)) continue;
    seen.add(key);
    pushRow(out, norm, rule, remap[entity], kind);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Load time

function edgeSlot(parent: number, h: number, mask: number): number {
  const x = Math.imul(h ^ Math.imul(parent, 0x27d4eb2d), 0x85ebca6b);
  return (x ^ (x >>> 15)) & mask;
}

/** The matcher of `data`, from its shipped tables (matcher-index.bin, see matcher-index.ts) when given and valid. */
export function loadMatcher(data: MatcherData, index?: Uint8Array | null): Matcher {
  if (data.version !== MATCHER_DATA_VERSION) throw new Error(`matcher data version ${data.version}, expected ${MATCHER_DATA_VERSION}`);
  return decodeIndex(data, index) ?? buildMatcher(data);
}

/** Matcher data as shipped, and its tables precomputed (loadMatcher then only makes views of them). */
export function forShipping(data: MatcherData): { data: MatcherData; index: Uint8Array } {
  const { words: _w, hashes: _h, ...aliases } = data.aliases; // (only the trie builder reads them; it can recompute them)
  return { data: { ...data, aliases }, index: encodeIndex(buildMatcher(data), aliases.rule.length) };
}

function buildMatcher(data: MatcherData): Matcher {
  // Rows: the aliases, plus a fuzzy tail for every multi-word name whose first word has 4+ letters
  // ("Marin Le Pen": the tail "le pen" matches exactly, the word before it is then compared with "marine").
  // Rows are ranges of the one `norms` string; a tail is the end of its name's range.
  const norms = data.aliases.norms;
  const given = data.aliases.rule.length;
  const given_ = data.aliases.hashes && data.aliases.words ? (data.aliases as Required<MatcherData['aliases']>) : wordHashes(norms);
  const wordCounts = given_.words;
  const hashes = Int32Array.from(given_.hashes); // (JSON numbers beyond 2^30 are boxed; typed reads are cheaper cold)
  // (typed arrays sized for the worst case, every row with a tail: cheaper than growing arrays when cold)
  const cap = given * 2;
  const rowHashes = new Int32Array(cap); // index of a row's first word in `hashes`
  const rowWordCount = new Int32Array(cap);
  const rowStart = new Int32Array(cap);
  const rowEnd = new Int32Array(cap);
  const rule = new Int32Array(cap);
  const entity = new Int32Array(cap);
  const kind = new Uint8Array(cap);
  const target = new Int32Array(cap);
  const ruleIn = data.aliases.rule;
  const kindIn = data.aliases.kind;
  const entityIn = data.aliases.entity;
  let rowCount = 0;
  let hashAt = 0;
  let tokenCount = 0;
  let from = 0;
  for (let i = 0; i < given; i++) {
    let to = norms.indexOf('\n', from);
    if (to < 0) to = norms.length;
    const row = rowCount++;
    const r = ruleIn[i];
    const k = kindIn[i];
    const words = wordCounts[i];
    rowStart[row] = from;
    rowEnd[row] = to;
    rule[row] = r;
    entity[row] = entityIn[i];
    kind[row] = k;
    target[row] = row;
    rowHashes[row] = hashAt;
    rowWordCount[row] = words;
    tokenCount += words;
    const capitalPair = ((r >>> RULE_MASK_SHIFT) & 3) === 3; // "Marine Le …", not "war in …"
    if ((k === KIND_NAME || k === KIND_ALIAS) && words > 1 && capitalPair) {
      const firstSpace = norms.indexOf(' ', from);
      if (firstSpace - from >= 4) {
        const tail = rowCount++;
        rowStart[tail] = firstSpace + 1;
        rowEnd[tail] = to;
        rule[tail] = r;
        entity[tail] = entityIn[i];
        kind[tail] = KIND_FUZZY_TAIL;
        target[tail] = row;
        rowHashes[tail] = hashAt + 1;
        rowWordCount[tail] = words - 1;
        tokenCount += words - 1;
      }
    }
    hashAt += words;
    from = to + 1;
  }
  const rows = rowCount;
  let size = 16;
  while (size < tokenCount * 2) size <<= 1;
  const mask = size - 1;
  const edgeChild = new Int32Array(size);
  const nodeCap = tokenCount + 1;
  const nodeParent = new Int32Array(nodeCap).fill(-1);
  const nodeHash = new Int32Array(nodeCap);
  const nodeCheck = new Int32Array(nodeCap);
  const nodeRow = new Int32Array(nodeCap);
  const nodeWordIndex = new Uint8Array(nodeCap);
  const nodeHasChildren = new Uint8Array(nodeCap);
  const nodeChildLetters = new Int32Array(nodeCap);
  const nodeNextLetters = new Int32Array(nodeCap);
  const rowNode = new Int32Array(rows);
  const nodeLowerOk = new Uint8Array(nodeCap);
  const firstWords = new Int32Array(FIRST_WORD_KEYS >>> 5);
  const firstWordsLower = new Int32Array(FIRST_WORD_KEYS >>> 5);
  const lowerPrefixes = new Uint8Array(PREFIX_KEYS);
  let nodes = 1;
  for (let row = 0; row < rows; row++) {
    let node = 0;
    let firstNode = -1;
    let firstHash = 0;
    const first = rowHashes[row];
    const count = rowWordCount[row];
    let wordAt = rowStart[row];
    for (let wi = 0; wi < count; wi++) {
      const h = hashes[first + wi];
      const wordEnd = wi + 1 < count ? norms.indexOf(' ', wordAt) : rowEnd[row];
      let check = CHECK_SEED;
      for (let i = wordAt; i < wordEnd; i++) check = checkStep(check, norms.charCodeAt(i));
      check &= CHECK_MASK;
      const x = Math.imul(h ^ Math.imul(node, 0x27d4eb2d), 0x85ebca6b); // (edgeSlot, inlined: this loop runs cold)
      let slot = (x ^ (x >>> 15)) & mask;
      let child = -1;
      while (edgeChild[slot] !== 0) {
        const c = edgeChild[slot];
        if (nodeHash[c] === h && nodeParent[c] === node && nodeCheck[c] === check) {
          child = c;
          break;
        }
        slot = (slot + 1) & mask;
      }
      if (child === -1) {
        child = nodes++;
        edgeChild[slot] = child;
        nodeHash[child] = h;
        nodeCheck[child] = check;
        nodeParent[child] = node;
        nodeRow[child] = row;
        nodeWordIndex[child] = wi;
        nodeHasChildren[node] = 1;
        // for near-miss spellings: the first letters of the children words of 4+ letters
        const letter = 1 << (norms.charCodeAt(wordAt) & 31);
        nodeNextLetters[node] |= letter;
        if (wordEnd - wordAt >= 4) nodeChildLetters[node] |= letter;
      }
      wordAt = wordEnd + 1;
      node = child;
      if (firstNode < 0) {
        firstNode = child;
        firstHash = h;
      }
    }
    rowNode[row] = node;
    const capitalFirst = (rule[row] >> (RULE_MASK_SHIFT + (kind[row] === KIND_FUZZY_TAIL ? 1 : 0))) & 1;
    const key = firstHash >>> 16;
    firstWords[key >>> 5] |= 1 << (key & 31);
    if (!capitalFirst) firstWordsLower[key >>> 5] |= 1 << (key & 31);
    if (!capitalFirst) {
      nodeLowerOk[firstNode] = 1;
      lowerPrefixes[lowerPrefixKey(norms, rowStart[row])] = 1;
    }
  }
  // Group rows by node (counting sort).
  const nodeRowStart = new Int32Array(nodes + 1);
  for (let row = 0; row < rows; row++) nodeRowStart[rowNode[row] + 1]++;
  for (let k = 0; k < nodes; k++) nodeRowStart[k + 1] += nodeRowStart[k];
  const fill = nodeRowStart.slice(0, nodes);
  const rowOrder = new Int32Array(rows);
  for (let row = 0; row < rows; row++) rowOrder[fill[rowNode[row]]++] = row;
  // Within a node, its fuzzy-tail rows go last, ordered by tailKey (see Matcher.orderTailKey).
  const nodeTailFrom = nodeRowStart.slice(1, nodes + 1);
  const orderTailKey = new Int32Array(rows);
  for (let k = 1; k < nodes; k++) {
    const from = nodeRowStart[k];
    const to = nodeRowStart[k + 1];
    let tails = 0;
    for (let r = from; r < to; r++) if (kind[rowOrder[r]] === KIND_FUZZY_TAIL) tails++;
    if (tails === 0) continue;
    const group = Array.from(rowOrder.subarray(from, to));
    const plain = group.filter((row) => kind[row] !== KIND_FUZZY_TAIL);
    const keyed = group
      .filter((row) => kind[row] === KIND_FUZZY_TAIL)
      .map((row) => ({ row, key: tailKey(norms, rowStart, target, row) }));
    keyed.sort((a, b) => a.key - b.key || a.row - b.row);
    rowOrder.set(plain, from);
    nodeTailFrom[k] = from + plain.length;
    keyed.forEach(({ row, key }, i) => {
      rowOrder[from + plain.length + i] = row;
      orderTailKey[from + plain.length + i] = key;
    });
  }
  // A node's rows are spelt alike, but for two words that agree in both hashes (62 bits: no alias list will meet
  // that by chance). Said, rather than matched as one.
  for (let k = 1; k < nodes; k++) {
    for (let r = nodeRowStart[k] + 1; r < nodeTailFrom[k]; r++) {
      const [a, b] = [rowOrder[r - 1], rowOrder[r]];
      if (!sameSpelling(norms, rowStart, rowEnd, a, b)) {
        const [x, y] = [norms.slice(rowStart[a], rowEnd[a]), norms.slice(rowStart[b], rowEnd[b])];
        throw new Error(`aliases "${x}" and "${y}" hash alike: rename one`);
      }
    }
  }
  return {
    tables: 'built',
    entities: data.entities,
    prominence: Float64Array.from(data.prominence),
    norms,
    rowStart: rowStart.slice(0, rows),
    rowEnd: rowEnd.slice(0, rows),
    rowRule: rule.slice(0, rows),
    rowEntity: entity.slice(0, rows),
    rowKind: kind.slice(0, rows),
    rowTarget: target.slice(0, rows),
    rowWordCount: Uint8Array.from(rowWordCount.subarray(0, rows)),
    rowOrder,
    nodeRowStart,
    nodeTailFrom,
    orderTailKey,
    nodeHasChildren: nodeHasChildren.slice(0, nodes),
    nodeChildLetters: nodeChildLetters.slice(0, nodes),
    nodeNextLetters: nodeNextLetters.slice(0, nodes),
    nodeRow: nodeRow.slice(0, nodes),
    nodeWordIndex: nodeWordIndex.slice(0, nodes),
    nodeWords: null,
    nodeParent: nodeParent.slice(0, nodes),
    nodeHash: nodeHash.slice(0, nodes),
    nodeCheck: nodeCheck.slice(0, nodes),
    edgeChild,
    edgeMask: mask,
    firstWords,
    firstWordsLower,
    nodeLowerOk: nodeLowerOk.slice(0, nodes),
    lowerPrefixes,
    childrenCache: null,
  };
}

/** Word counts and word hashes of alias rows, for matcher data that does not carry them. */
function wordHashes(norms: string): { words: number[]; hashes: number[] } {
  const words: number[] = [];
  const hashes: number[] = [];
  if (norms === '') return { words, hashes };
  for (const row of norms.split('\n')) {
    const split = row.split(' ');
    words.push(split.length);
    for (const w of split) hashes.push(hashToken(w));
  }
  return { words, hashes };
}

/** Are rows a and b spelt alike (the same folded words)? */
function sameSpelling(norms: string, rowStart: Int32Array, rowEnd: Int32Array, a: number, b: number): boolean {
  const length = rowEnd[a] - rowStart[a];
  if (rowEnd[b] - rowStart[b] !== length) return false;
  for (let i = 0; i < length; i++) if (norms.charCodeAt(rowStart[a] + i) !== norms.charCodeAt(rowStart[b] + i)) return false;
  return true;
}

/**
 * (folded first letter << 8) | length (at most 255): what fuzzyTail's first checks compare of the first word of a
 * tail row's name (the row `target[row]`), as one number, so that the candidates for a word are one range of keys.
 */
function tailKey(norms: string, rowStart: Int32Array, target: Int32Array, row: number): number {
  const headStart = rowStart[target[row]];
  return (norms.charCodeAt(headStart) << 8) | Math.min(255, rowStart[row] - 1 - headStart);
}

/** A row's folded words, e.g. "le pen" (allocates: for rare paths only). */
export function rowWords(m: Matcher, row: number): string {
  return m.norms.slice(m.rowStart[row], m.rowEnd[row]);
}

export const FIRST_WORD_KEYS = 65536;
export const PREFIX_KEYS = 32768;

/** prefixKey of the folded word starting at `at` in `norms` (words end at a space, a line break or the end). */
export function lowerPrefixKey(norms: string, at: number): number {
  const letter = (i: number) => {
    const c = norms.charCodeAt(i);
    return c === 32 || c === 10 || Number.isNaN(c) ? 0 : c;
  };
  const a = letter(at);
  const b = a ? letter(at + 1) : 0;
  const c = b ? letter(at + 2) : 0;
  return prefixKey(a, b, c);
}

/** Key of a word's first three folded letters (0 for a missing one), five bits each. */
function prefixKey(a: number, b: number, c: number): number {
  return ((a & 31) << 10) | ((b & 31) << 5) | (c & 31);
}

/** The child of `parent` for the word of hashes h and `check` (see Matcher.nodeCheck), or -1. */
function findEdge(m: Matcher, parent: number, h: number, check: number): number {
  const mask = m.edgeMask;
  let slot = edgeSlot(parent, h, mask);
  const edgeChild = m.edgeChild;
  for (;;) {
    const c = edgeChild[slot];
    if (c === 0) return -1;
    if (m.nodeHash[c] === h && m.nodeParent[c] === parent && m.nodeCheck[c] === check) return c;
    slot = (slot + 1) & mask;
  }
}

function nodeWords(m: Matcher): string[] {
  if (!m.nodeWords) {
    const words: string[] = [''];
    let row = -1;
    let split: string[] = [];
    for (let k = 1; k < m.nodeRow.length; k++) {
      if (m.nodeRow[k] !== row) {
        row = m.nodeRow[k]; // nodes made by one row are consecutive: split each row once
        split = rowWords(m, row).split(' ');
      }
      words.push(split[m.nodeWordIndex[k]]);
    }
    m.nodeWords = words;
  }
  return m.nodeWords;
}

function childrenOf(m: Matcher, node: number): number[] {
  if (!m.childrenCache) {
    m.childrenCache = new Map();
    for (let k = 1; k < m.nodeParent.length; k++) {
      const p = m.nodeParent[k];
      let list = m.childrenCache.get(p);
      if (!list) m.childrenCache.set(p, (list = []));
      list.push(k);
    }
  }
  return m.childrenCache.get(node) ?? [];
}

// ---------------------------------------------------------------------------------------------------------------
// Scan

/** An alias occurrence; `rows` are the alias rows whose case rules the text satisfies (all share one spelling). */
export interface Candidate {
  start: number;
  end: number;
  rows: number[];
  /** one word was misspelt ("Marin Le Pen") */
  fuzzy: boolean;
}

const MAX_DEPTH = 28;

/** Per-scan scratch space for the words of the alias being walked. */
class Walk {
  tokStart = new Int32Array(MAX_DEPTH);
  tokEnd = new Int32Array(MAX_DEPTH);
  tokCap = new Uint8Array(MAX_DEPTH);
  node = new Int32Array(MAX_DEPTH);
  fuzzyDepth = MAX_DEPTH; // depth of the misspelt word, MAX_DEPTH if none
  /** the last alias found: where its walk started and where it ends (a word before a name, see fuzzyTail) */
  lastStart = -1;
  lastEnd = -1;
  /** the word before the walk, when wordBefore() found one */
  prevStart = -1;
  prevEnd = -1;
}

// The scan skips most words without looking at them one by one: a small state machine reads the text a character at
// a time with no branch that depends on the text (word ends are unpredictable: branching on them costs more than the
// table lookups), and stops only at a word that needs hashing: one that starts with anything but a lowercase letter,
// or a lowercase word whose first three letters may start an alias (`lowerPrefixes`).

/** Per code unit: bits 0-1 the scan class (SC_*), bits 2-6 the folded letter & 31 of a lowercase letter (for prefixKey). */
const SCAN_CODE = new Uint8Array(65536);
const SC_SEP = 0; // between words
const SC_DOT = 1; // "." (a one-letter word before it may be an initial: "p.m.", "U.S.")
const SC_LOWER = 2;
const SC_WORD = 3; // any other word character
// States: between words, after one / two lowercase letters, in a lowercase word that is skipped, at a word to hash.
const ST_GAP = 0;
const ST_LOWER1 = 1;
const ST_LOWER2 = 2;
const ST_SKIP = 3;
const ST_HASH = 4;
/** Next state, indexed by (state << 3) | (scan class << 1) | (the prefix ending at this character may start an alias). */
const SCAN_NEXT = new Uint8Array(64);
// (built from the class table by native searches for the classes that differ from SC_WORD, not with a loop over all
// 65536 code units: that costs milliseconds when a page loads the engine)
SCAN_CODE.fill(SC_WORD);
for (const k of [0, 1, 2, 3, 4, 5, 6, 7, LOWER]) {
  for (let c = CHAR_CLASS.indexOf(k); c >= 0; c = CHAR_CLASS.indexOf(k, c + 1)) {
    SCAN_CODE[c] = k < WORD ? (c === 0x2e ? SC_DOT : SC_SEP) : SC_LOWER | ((FOLD[c] & 31) << 2);
  }
}
for (let state = ST_GAP; state <= ST_SKIP; state++) {
  for (let sc = SC_SEP; sc <= SC_WORD; sc++) {
    for (let pass = 0; pass < 2; pass++) {
      const gap = sc === SC_SEP || sc === SC_DOT;
      let next: number;
      if (state === ST_GAP) next = gap ? ST_GAP : sc === SC_LOWER ? ST_LOWER1 : ST_HASH;
      else if (state === ST_LOWER1) next = sc === SC_SEP ? ST_GAP : sc === SC_LOWER ? ST_LOWER2 : ST_HASH; // "a", but "p." is hashed
      else if (state === ST_LOWER2) next = pass ? ST_HASH : gap ? ST_GAP : sc === SC_LOWER ? ST_SKIP : ST_HASH;
      else next = gap ? ST_GAP : ST_SKIP;
      SCAN_NEXT[(state << 3) | (sc << 1) | pass] = next;
    }
  }
}

// The scan has two implementations of the same result: WebAssembly (word-scan.wat: the word scan, hashing and first-
// word filter, about twice as fast), used where it is available, and the JavaScript below, the fallback and reference.
// Both hand each word that may start an alias to aliasAt, so everything after the filter is one piece of code.
const WASM_SCAN = new WasmWordScan(SCAN_CODE);
let wasmAllowed = true;

/** Chooses spot's word scanner (tests, benchmarks): 'wasm' (the default, where available) or 'js'. */
export function setWordScanner(scanner: 'wasm' | 'js'): void {
  wasmAllowed = scanner === 'wasm';
}

/** The word scanner spot uses here ('js' where WebAssembly is missing or refused, or after setWordScanner('js')). */
export function wordScanner(): 'wasm' | 'js' {
  return wasmAllowed && WASM_SCAN.available() ? 'wasm' : 'js';
}

/** Finds the longest alias starting at every word, left to right, without overlaps. */
export function spot(m: Matcher, text: string): Candidate[] {
  const out: Candidate[] = [];
  WALK.lastStart = -1;
  WALK.lastEnd = -1;
  NEXT_WORDS.end = 0; // (spotWasm sets it; the JavaScript scan has no records)
  if (!(wasmAllowed && WASM_SCAN.available() && spotWasm(m, text, out))) spotJs(m, text, out);
  return out;
}

/** spot with the WebAssembly scanner; false (nothing found yet) if it cannot take this text. */
function spotWasm(m: Matcher, text: string, out: Candidate[]): boolean {
  const scan = WASM_SCAN;
  if (!scan.start(m, text)) return false;
  let resume = 0; // (records of words inside an alias found are skipped)
  for (let count = scan.next(); count > 0; count = scan.next()) {
    const records = scan.records;
    NEXT_WORDS.records = records;
    NEXT_WORDS.end = count * 4;
    for (let r = 0; r < count * 4; r += 4) {
      NEXT_WORDS.at = r + 4;
      const start = records[r];
      if (start < resume) continue;
      const end = records[r + 1];
      let h = records[r + 2];
      let check = records[r + 3] & CHECK_MASK;
      const lower = (records[r + 3] & WORD_LOWER) !== 0;
      if (records[r + 3] & WORD_REHASH) {
        // (U+FFFD there may have been a lone surrogate, which the JavaScript scan hashes as itself)
        h = hashSlice(text, start, end);
        check = SLICE.check;
        if (!firstWordPasses(m, h, lower)) continue;
      }
      resume = aliasAt(m, text, start, end, h, check, lower, out);
    }
  }
  return true;
}

/**
 * The WebAssembly scan's records after the one being looked up: matchAt takes the hashes of an alias's next words
 * from there when they are there (most capitalised words are) instead of hashing them again. (`end` 0: none.)
 */
const NEXT_WORDS = { records: new Int32Array(0), at: 0, end: 0 };

/** spot with the JavaScript scanner. */
function spotJs(m: Matcher, text: string, out: Candidate[]): void {
  const n = text.length;
  const cls = CHAR_CLASS;
  const fold = FOLD;
  const code = SCAN_CODE;
  const next = SCAN_NEXT;
  const lowerPrefixes = m.lowerPrefixes;
  let i = 0;
  while (i < n) {
    // Skip to the next word worth hashing. `key` is the folded letters read so far (the last three, five bits each):
    // after two lowercase letters, the lookup tells whether the word's first three letters (or two, at a gap) may
    // start an alias.
    let state = ST_GAP;
    let before = ST_GAP;
    let key = 0;
    for (; i < n; i++) {
      const x = code[text.charCodeAt(i)];
      const k = ((key << 5) | (x >>> 2)) & 0x7fff;
      key = k & 0x3ff;
      before = state;
      state = next[(state << 3) | ((x & 3) << 1) | lowerPrefixes[k]];
      if (state === ST_HASH) break;
    }
    let start: number;
    if (state === ST_HASH) start = i - before; // (the state counts the lowercase letters read)
    else if (state === ST_LOWER2 && lowerPrefixes[(key << 5) & 0x7fff]) start = n - 2; // a two-letter word ends the text
    else break;
    // Hash the word, then ask the first-word filter.
    i = start;
    let c = text.charCodeAt(i);
    const lower = cls[c] === LOWER;
    let h = HASH_SEED;
    for (;;) {
      const f = fold[c];
      if (f !== 0) h = Math.imul(h ^ f, 16777619);
      if (++i >= n) break;
      c = text.charCodeAt(i);
      if (cls[c] < WORD) break;
    }
    // (the second hash only for the words that pass the filter)
    if (firstWordPasses(m, h, lower)) i = aliasAt(m, text, start, i, h, checkSlice(text, start, i), lower, out);
  }
}

/** The first-word filter: may a word of this hash start an alias (in lowercase: `lower`)? */
function firstWordPasses(m: Matcher, h: number, lower: boolean): boolean {
  const hk = h >>> 16;
  return (((lower ? m.firstWordsLower : m.firstWords)[hk >>> 5] >>> (hk & 31)) & 1) !== 0;
}

/** The hash the scan gives the word text[start, end); its second hash in SLICE.check. */
function hashSlice(text: string, start: number, end: number): number {
  let h = HASH_SEED;
  let check = CHECK_SEED;
  for (let i = start; i < end; i++) {
    const f = FOLD[text.charCodeAt(i)];
    if (f === 0) continue;
    h = Math.imul(h ^ f, 16777619);
    check = Math.imul(((check << 5) | (check >>> 27)) ^ f, 0x9e3779b1); // (checkStep)
  }
  SLICE.check = check & CHECK_MASK;
  return h;
}

const SLICE = { check: 0 };

/** The second hash (Matcher.nodeCheck) of the word text[start, end). */
function checkSlice(text: string, start: number, end: number): number {
  hashSlice(text, start, end);
  return SLICE.check;
}

/**
 * The longest alias starting with the word text[start, end) (hash h; `lower`: it starts with a lowercase letter),
 * added to `out` if there is one. Returns where the scan goes on: after the alias, or after the word.
 */
function aliasAt(m: Matcher, text: string, start: number, end: number, h: number, check: number, lower: boolean, out: Candidate[]): number {
  const edgeChild = m.edgeChild;
  const nodeHash = m.nodeHash;
  const nodeParent = m.nodeParent;
  const mask = m.edgeMask;
  const x = Math.imul(h, 0x85ebca6b);
  let slot = (x ^ (x >>> 15)) & mask;
  let child = edgeChild[slot];
  while (child !== 0 && (nodeHash[child] !== h || nodeParent[child] !== 0 || m.nodeCheck[child] !== check)) {
    slot = (slot + 1) & mask;
    child = edgeChild[slot];
  }
  // A one-letter word starts an alias only as an initial or a dotted acronym ("J. K. Rowling", "U.S."), not "I".
  if (child === 0 || (lower && m.nodeLowerOk[child] === 0) || (end - start === 1 && text.charCodeAt(end) !== 0x2e)) return end;
  // A word that is no alias by itself (no row ends at it; or it is lowercase, and a one-word alias needs its capital)
  // needs a next word that continues one: most candidates fail on that letter, before matchAt sets out.
  if ((lower || m.nodeRowStart[child] === m.nodeRowStart[child + 1]) && !mayContinue(m, text, end, child)) return end;
  const walk = WALK;
  const found = matchAt(m, text, start, end, child, walk, out.length ? out[out.length - 1].end : 0);
  if (!found) return end;
  out.push(found);
  walk.lastStart = start;
  walk.lastEnd = found.end;
  return found.end;
}

/**
 * Can the alias continue after the word ending at `end` (trie node `child`)? False only when matchAt would stop there:
 * no child words, the end of the text, or a next word (after spaces) whose first letter starts none of them.
 */
function mayContinue(m: Matcher, text: string, end: number, child: number): boolean {
  if (!m.nodeHasChildren[child]) return false;
  let q = end;
  while (q < text.length && CHAR_CLASS[text.charCodeAt(q)] === SPACE) q++;
  if (q >= text.length) return false;
  const c = text.charCodeAt(q);
  if (CHAR_CLASS[c] < WORD) return true; // (other marks between words: matchAt's rules)
  const f = FOLD[c];
  return f === 0 || ((m.nodeNextLetters[child] >>> (f & 31)) & 1) !== 0;
}

/** Scratch space of the scan (the engine is single-threaded in every context it runs in). */
const WALK = new Walk();

function matchAt(
  m: Matcher,
  text: string,
  start: number,
  firstEnd: number,
  firstChild: number,
  w: Walk,
  lastMentionEnd: number,
): Candidate | null {
  const n = text.length;
  const cls = CHAR_CLASS;
  const fold = FOLD;
  let node = 0;
  let pos = start;
  let depth = 0;
  w.fuzzyDepth = MAX_DEPTH;
  for (;;) {
    // Read one word: its hash (the scan has already hashed and looked up the first word).
    const firstClass = cls[text.charCodeAt(pos)];
    let p = pos;
    let child: number;
    if (depth === 0) {
      p = firstEnd;
      child = firstChild;
    } else {
      let h = HASH_SEED;
      let check = CHECK_SEED;
      const next = NEXT_WORDS;
      while (next.at < next.end && next.records[next.at] < pos) next.at += 4;
      if (next.at < next.end && next.records[next.at] === pos && (next.records[next.at + 3] & WORD_REHASH) === 0) {
        p = next.records[next.at + 1];
        h = next.records[next.at + 2];
        check = next.records[next.at + 3];
      } else {
        while (p < n) {
          const c = text.charCodeAt(p);
          if (cls[c] < WORD) break;
          const f = fold[c];
          if (f !== 0) {
            h = Math.imul(h ^ f, 16777619);
            check = Math.imul(((check << 5) | (check >>> 27)) ^ f, 0x9e3779b1); // (checkStep)
          }
          p++;
        }
      }
      child = findEdge(m, node, h, check & CHECK_MASK);
    }
    if (child === -1) {
      // A misspelt word inside a name ("Marine Le Pin"): one per match, only after an exact first word.
      // (not after a short first word: "The Gaurdian" is not worth the look on every "The X")
      if (depth === 0 || w.fuzzyDepth !== MAX_DEPTH || p - pos < 3 || firstClass !== UPPER) break;
      if (w.tokEnd[0] - w.tokStart[0] < 4) break;
      child = fuzzyChild(m, node, text, pos, p);
      if (child === -1) break;
      w.fuzzyDepth = depth;
    }
    w.tokStart[depth] = pos;
    w.tokEnd[depth] = p;
    w.tokCap[depth] = firstClass === UPPER || firstClass === DIGIT ? 1 : 0;
    w.node[depth] = child;
    depth++;
    node = child;
    if (!m.nodeHasChildren[node] || depth === MAX_DEPTH) break;
    // The gap to the next word may hold spaces, one line break, and one hyphen or apostrophe (or a period after an initial).
    let q = p;
    let newlines = 0;
    let marks = 0;
    let ok = true;
    while (q < n) {
      const k = cls[text.charCodeAt(q)];
      if (k >= WORD) break;
      if (k === SPACE) {
        // fine
      } else if (k === NEWLINE) newlines++;
      else if (k === HYPHEN || k === APOS) marks++;
      else if (k === PERIOD && p - pos === 1) marks++;
      else {
        ok = false;
        break;
      }
      q++;
    }
    if (!ok || q >= n || newlines > 1 || marks > 1) break;
    // no child word starts with this letter (not even one edit away: near misses keep the first letter)
    const f0 = fold[text.charCodeAt(q)];
    if (f0 !== 0 && ((m.nodeNextLetters[node] >>> (f0 & 31)) & 1) === 0) break;
    pos = q;
  }
  // Longest first: the deepest node whose rows the text satisfies.
  let prevOk = -1; // is there a word before that may be a misspelt first name (-1: not looked at yet)
  for (let d = depth; d >= 1; d--) {
    const node = w.node[d - 1];
    const from = m.nodeRowStart[node];
    const to = m.nodeRowStart[node + 1];
    if (from === to) continue;
    const fuzzy = d > w.fuzzyDepth;
    const end = w.tokEnd[d - 1];
    const tailFrom = m.nodeTailFrom[node];
    if (tailFrom < to && !fuzzy) {
      // (one misspelling per name)
      if (prevOk === -1) prevOk = wordBefore(text, w, lastMentionEnd) ? 1 : 0;
      const tail = prevOk === 1 ? misspeltName(m, text, w, d, tailFrom, to) : null;
      if (tail) return tail; // "Marin Le Pen" is longer than "Le Pen"
    }
    let rows: number[] | null = null;
    for (let r = from; r < tailFrom; r++) {
      const row = m.rowOrder[r];
      if (!caseOk(m.rowRule[row], text, w, d, 0)) continue;
      if (rows) rows.push(row);
      else rows = [row]; // (most candidates have one row: an exact-size array, not an empty one grown by push)
    }
    if (!rows) continue;
    if (fuzzy) {
      // a misspelt name links only when it is unambiguous
      const e = m.rowEntity[rows[0]];
      if (!rows.every((row) => m.rowEntity[row] === e && m.rowKind[row] !== KIND_SURNAME)) continue;
    }
    return { start, end, rows, fuzzy };
  }
  return null;
}

/** Does the text satisfy the alias's case rule? `offset` = alias words before the first walked word (fuzzy tails). */
function caseOk(rule: number, text: string, w: Walk, depth: number, offset: number): boolean {
  if (rule & RULE_ACRONYM) {
    if (allCaps(text, w.tokStart[0], w.tokEnd[0])) return true;
    return w.tokCap[0] === 1 && w.tokEnd[0] - w.tokStart[0] >= 4;
  }
  const mask = rule >>> (RULE_MASK_SHIFT + offset);
  for (let d = 0; d < depth; d++) {
    if ((mask >>> d) & 1 && !w.tokCap[d]) return false;
  }
  return true;
}

/**
 * Is the word text[start, end) in capitals ("NATO": two or more, no lowercase letter)? Asked only for acronym rows, so
 * the walk does not work it out for every word it reads.
 */
function allCaps(text: string, start: number, end: number): boolean {
  let uppers = 0;
  for (let i = start; i < end; i++) {
    const k = CHAR_CLASS[text.charCodeAt(i)];
    if (k === LOWER) return false;
    if (k === UPPER) uppers++;
  }
  return uppers >= 2;
}

function foldSlice(text: string, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) {
    const f = FOLD[text.charCodeAt(i)];
    if (f !== 0) s += String.fromCharCode(f);
  }
  return s;
}

const wordShapes = new WeakMap<Matcher, { length: Int32Array; first: Uint16Array }>();

/** Each node's word's length and first letter, side by side (fuzzyChild reads them for every child: not the strings). */
function nodeWordShapes(m: Matcher): { length: Int32Array; first: Uint16Array } {
  let shapes = wordShapes.get(m);
  if (!shapes) {
    const words = nodeWords(m);
    shapes = { length: new Int32Array(words.length), first: new Uint16Array(words.length) };
    for (let k = 0; k < words.length; k++) {
      const word = words[k] ?? '';
      shapes.length[k] = word.length;
      shapes.first[k] = word.charCodeAt(0); // (NaN, stored as 0, for the root's empty word: never compared)
    }
    wordShapes.set(m, shapes);
  }
  return shapes;
}

/** The single child of `node` whose word is one edit away from `word` (4+ letters), or -1. */
function fuzzyChild(m: Matcher, node: number, text: string, start: number, end: number): number {
  let found = -1;
  const first = FOLD[text.charCodeAt(start)];
  if (((m.nodeChildLetters[node] >>> (first & 31)) & 1) === 0) return -1;
  const rawLen = end - start;
  let word: string | null = null;
  const words = nodeWords(m);
  const shapes = nodeWordShapes(m);
  for (const child of childrenOf(m, node)) {
    const len = shapes.length[child];
    // cheap checks first: 4+ letters, about the same length, same first letter (misspellings rarely change it)
    if (len < 4 || len - rawLen > 1 || rawLen - len > 2 || shapes.first[child] !== first) continue;
    const candidate = words[child];
    word ??= foldSlice(text, start, end);
    if (withinOneEdit(word, candidate)) {
      if (found !== -1) return -1; // ambiguous
      found = child;
    }
  }
  return found;
}

/**
 * Finds the word before the walk (into w.prevStart, w.prevEnd), which may be the misspelt first word of a name whose
 * tail the walk matched: not part of the last mention, and separated from the walk by spaces or a hyphen only. Right
 * after an alias found, the word before is that alias's span as the scan saw it (from where its walk started).
 */
function wordBefore(text: string, w: Walk, lastMentionEnd: number): boolean {
  // (the cheap tests first: the gap, then whether the word would overlap the last mention, before reading the word)
  const start = w.tokStart[0];
  let prevEnd = start;
  while (prevEnd > 0) {
    const k = CHAR_CLASS[text.charCodeAt(prevEnd - 1)];
    if (k >= WORD) break;
    if (k !== SPACE && k !== HYPHEN) return false;
    prevEnd--;
  }
  if (prevEnd === 0) return false; // no word before
  if (prevEnd <= lastMentionEnd) return false; // (its start is before the mention's end)
  let prevStart = prevEnd;
  if (prevEnd === w.lastEnd) prevStart = w.lastStart;
  else while (prevStart > 0 && CHAR_CLASS[text.charCodeAt(prevStart - 1)] >= WORD) prevStart--;
  if (prevStart < lastMentionEnd) return false;
  w.prevStart = prevStart;
  w.prevEnd = prevEnd;
  return true;
}

/**
 * The name the word before the walk (from wordBefore) misspells, if one entity's: among the fuzzy-tail rows at
 * positions [from, to) of rowOrder, those whose key allows it (a binary search), then fuzzyTail on each.
 */
function misspeltName(m: Matcher, text: string, w: Walk, depth: number, from: number, to: number): Candidate | null {
  // (fuzzy tails are made only for names whose first two words are capitalised)
  if (CHAR_CLASS[text.charCodeAt(w.prevStart)] !== UPPER) return null;
  const keys = m.orderTailKey;
  const length = Math.min(255, w.prevEnd - w.prevStart);
  const letter = FOLD[text.charCodeAt(w.prevStart)] << 8;
  const lo = letter | Math.max(0, length - 2);
  const hi = letter | Math.min(255, length + 2);
  let a = from;
  let b = to;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (keys[mid] < lo) a = mid + 1;
    else b = mid;
  }
  let tail: Candidate | null = null;
  let tailRow = -1;
  for (let r = a; r < to && keys[r] <= hi; r++) {
    const row = m.rowOrder[r];
    const t = fuzzyTail(m, text, row, w, depth);
    if (!t) continue;
    if (tail && m.rowEntity[tail.rows[0]] !== m.rowEntity[t.rows[0]]) return null; // ambiguous
    if (row > tailRow) {
      // (of one entity's names, the last row, as when rows were in row order)
      tail = t;
      tailRow = row;
    }
  }
  return tail;
}

/** "Marin Le Pen": the walked words are the exact tail of a name; is the word before them its misspelt first word? */
function fuzzyTail(
  m: Matcher,
  text: string,
  row: number,
  w: Walk,
  depth: number,
): Candidate | null {
  const prevStart = w.prevStart;
  const prevEnd = w.prevEnd;
  const rule = m.rowRule[row];
  if ((rule >>> RULE_MASK_SHIFT) & 1 && CHAR_CLASS[text.charCodeAt(prevStart)] !== UPPER) return null;
  // cheap checks first: the head's length within one and the same first letter
  const full = m.rowTarget[row];
  const headStart = m.rowStart[full];
  const headLen = m.rowStart[row] - 1 - headStart;
  const prevLen = prevEnd - prevStart;
  if (prevLen - headLen > 2 || headLen - prevLen > 2) return null; // (raw length: combining marks may be ignored)
  if (FOLD[text.charCodeAt(prevStart)] !== m.norms.charCodeAt(headStart)) return null;
  if (!caseOk(rule, text, w, depth, 1)) return null;
  const end = w.tokEnd[depth - 1];
  const head = m.norms.slice(headStart, headStart + headLen);
  if (!withinOneEdit(foldSlice(text, prevStart, prevEnd), head)) return null;
  return { start: prevStart, end, rows: [m.rowTarget[row]], fuzzy: true };
}

