// Spotting: finds every place in a text where an alias of a known entity occurs, in one pass.
// Aliases are stored as a trie over folded word tokens; each edge is keyed by (parent node, token hash) in an
// open-addressing table of typed arrays. The scan hashes tokens on the fly (no per-token strings, no regex) and
// skips lowercase words that cannot start an alias. Which entity a match refers to is decided later (linker.ts).

import type { EntityInput, EntityType } from './types';
import {
  APOS,
  CHAR_CLASS,
  DIGIT,
  FOLD,
  HASH_SEED,
  HYPHEN,
  LOWER,
  NEWLINE,
  PERIOD,
  SPACE,
  UPPER,
  WORD,
  hashToken,
  tokenize,
  withinOneEdit,
} from './normalize';
import { COMMON_WORDS, deriveSurnames } from './linker';

export const MATCHER_DATA_VERSION = 1;

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
}

/** Compact, JSON-serialisable form of a matcher, written by the archive compiler. */
export interface MatcherData {
  version: number;
  entities: MatcherEntity[];
  /** parallel to entities */
  prominence: number[];
  /** one row per (alias, entity): [folded tokens joined by single spaces, case rule bits, entity index, kind] */
  aliases: [string, number, number, number][];
}

export interface Matcher {
  entities: MatcherEntity[];
  prominence: Float64Array;
  // alias rows, grouped by trie node: rows of node k are rowOrder[nodeRowStart[k] .. nodeRowStart[k+1])
  rowNorm: string[];
  rowRule: Int32Array;
  rowEntity: Int32Array;
  rowKind: Uint8Array;
  /** for fuzzy-tail rows: the folded first word of the full name, and the full name's row */
  rowHead: (string | null)[];
  rowTarget: Int32Array;
  rowOrder: Int32Array;
  nodeRowStart: Int32Array;
  nodeHasChildren: Uint8Array;
  nodeToken: string[];
  nodeParent: Int32Array;
  // trie edges
  edgeParent: Int32Array;
  edgeHash: Int32Array;
  edgeChild: Int32Array;
  edgeMask: number;
  /** folded first letters of aliases whose first word is lowercase in the alias ("de Gaulle") */
  lowerStart: Uint8Array;
  digitStart: boolean;
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
    if (t.allCaps && t.norm.length <= 6 && /^[a-z]+$/.test(t.norm)) rule |= RULE_ACRONYM;
    if (COMMON_WORDS.has(t.norm)) rule |= RULE_COMMON;
  }
  return { norm, rule };
}

/** Rows for every name, alias and derived surname of the entities. Slow is fine: it runs in the compiler. */
export function buildMatcherData(entities: EntityInput[]): MatcherData {
  const data: MatcherData = { version: MATCHER_DATA_VERSION, entities: [], prominence: [], aliases: [] };
  entities.forEach((e, index) => {
    data.entities.push(toMatcherEntity(e));
    data.prominence.push(Number.isFinite(e.prominence) ? e.prominence : 0);
    const seen = new Set<string>();
    const add = (surface: string, kind: number) => {
      // "the Kremlin": the article is not part of the name (but "The Hague" keeps its capital T)
      const r = caseRule(surface.trim().replace(/^the\s+/, ''));
      if (!r || seen.has(r.norm)) return;
      seen.add(r.norm);
      data.aliases.push([r.norm, r.rule, index, kind]);
      // "US" is also written "U.S."
      if (r.rule & RULE_ACRONYM && r.norm.length <= 4) {
        const dotted = r.norm.split('').join(' ');
        if (!seen.has(dotted)) {
          seen.add(dotted);
          data.aliases.push([dotted, ((1 << r.norm.length) - 1) << RULE_MASK_SHIFT, index, kind]);
        }
      }
    };
    add(e.name, KIND_NAME);
    for (const a of e.aliases) add(a, KIND_ALIAS);
    if (e.type === 'person') {
      for (const s of deriveSurnames(e.name)) add(s, KIND_SURNAME);
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
  return m;
}

/** The bundled archive plus a user-imported one; an entity id present in both keeps a's record and gains b's aliases. */
export function mergeMatcherData(a: MatcherData, b: MatcherData): MatcherData {
  const out: MatcherData = {
    version: MATCHER_DATA_VERSION,
    entities: a.entities.slice(),
    prominence: a.prominence.slice(),
    aliases: a.aliases.slice(),
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
  const seen = new Set(a.aliases.map((r) => r[0] + '\u0000' + r[2]));
  for (const [norm, rule, entity, kind] of b.aliases) {
    const key = norm + '\u0000' + remap[entity];
    if (seen.has(key)) continue;
    seen.add(key);
    out.aliases.push([norm, rule, remap[entity], kind]);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Load time

function edgeSlot(parent: number, h: number, mask: number): number {
  const x = Math.imul(h ^ Math.imul(parent, 0x27d4eb2d), 0x85ebca6b);
  return (x ^ (x >>> 15)) & mask;
}

export function loadMatcher(data: MatcherData): Matcher {
  if (data.version !== MATCHER_DATA_VERSION) throw new Error(`matcher data version ${data.version}, expected ${MATCHER_DATA_VERSION}`);
  // Rows: the aliases, plus a fuzzy tail for every multi-word name whose first word has 4+ letters
  // ("Marin Le Pen": the tail "le pen" matches exactly, the word before it is then compared with "marine").
  const rowNorm: string[] = [];
  const rule: number[] = [];
  const entity: number[] = [];
  const kind: number[] = [];
  const head: (string | null)[] = [];
  const target: number[] = [];
  for (const [n, r, e, k] of data.aliases) {
    const row = rowNorm.length;
    rowNorm.push(n);
    rule.push(r);
    entity.push(e);
    kind.push(k);
    head.push(null);
    target.push(row);
    if (k === KIND_NAME || k === KIND_ALIAS) {
      const space = n.indexOf(' ');
      if (space >= 4 && !(r & RULE_ACRONYM)) {
        rowNorm.push(n.slice(space + 1));
        rule.push(r);
        entity.push(e);
        kind.push(KIND_FUZZY_TAIL);
        head.push(n.slice(0, space));
        target.push(row);
      }
    }
  }
  const rows = rowNorm.length;
  // Count edges to size the table (upper bound: one per token of every row).
  let tokenCount = 0;
  for (const n of rowNorm) tokenCount += 1 + countSpaces(n);
  let size = 16;
  while (size < tokenCount * 2) size <<= 1;
  const mask = size - 1;
  const edgeParent = new Int32Array(size);
  const edgeHash = new Int32Array(size);
  const edgeChild = new Int32Array(size).fill(-1);
  const nodeCap = tokenCount + 1;
  const nodeParent = new Int32Array(nodeCap).fill(-1);
  const nodeToken: string[] = [''];
  const nodeHasChildren = new Uint8Array(nodeCap);
  const rowNode = new Int32Array(rows);
  const lowerStart = new Uint8Array(65536);
  let digitStart = false;
  let nodes = 1;
  for (let row = 0; row < rows; row++) {
    const tokens = rowNorm[row].split(' ');
    let node = 0;
    for (const tok of tokens) {
      const h = hashToken(tok);
      let slot = edgeSlot(node, h, mask);
      let child = -1;
      while (edgeChild[slot] !== -1) {
        if (edgeHash[slot] === h && edgeParent[slot] === node) {
          child = edgeChild[slot];
          break;
        }
        slot = (slot + 1) & mask;
      }
      if (child === -1) {
        child = nodes++;
        edgeParent[slot] = node;
        edgeHash[slot] = h;
        edgeChild[slot] = child;
        nodeParent[child] = node;
        nodeToken[child] = tok;
        nodeHasChildren[node] = 1;
      }
      node = child;
    }
    rowNode[row] = node;
    const first = tokens[0].charCodeAt(0);
    const capitalFirst = (rule[row] >> RULE_MASK_SHIFT) & 1;
    if (kind[row] === KIND_FUZZY_TAIL ? !((rule[row] >> (RULE_MASK_SHIFT + 1)) & 1) : !capitalFirst) {
      if (first >= 0x30 && first <= 0x39) digitStart = true;
      else lowerStart[first] = 1;
    }
  }
  // Group rows by node (counting sort).
  const nodeRowStart = new Int32Array(nodes + 1);
  for (let row = 0; row < rows; row++) nodeRowStart[rowNode[row] + 1]++;
  for (let k = 0; k < nodes; k++) nodeRowStart[k + 1] += nodeRowStart[k];
  const fill = nodeRowStart.slice(0, nodes);
  const rowOrder = new Int32Array(rows);
  for (let row = 0; row < rows; row++) rowOrder[fill[rowNode[row]]++] = row;
  return {
    entities: data.entities,
    prominence: Float64Array.from(data.prominence),
    rowNorm,
    rowRule: Int32Array.from(rule),
    rowEntity: Int32Array.from(entity),
    rowKind: Uint8Array.from(kind),
    rowHead: head,
    rowTarget: Int32Array.from(target),
    rowOrder,
    nodeRowStart,
    nodeHasChildren: nodeHasChildren.slice(0, nodes),
    nodeToken,
    nodeParent: nodeParent.slice(0, nodes),
    edgeParent,
    edgeHash,
    edgeChild,
    edgeMask: mask,
    lowerStart,
    digitStart,
    childrenCache: null,
  };
}

function countSpaces(s: string): number {
  let k = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 32) k++;
  return k;
}

function findEdge(m: Matcher, parent: number, h: number): number {
  const mask = m.edgeMask;
  let slot = edgeSlot(parent, h, mask);
  const child = m.edgeChild;
  for (;;) {
    const c = child[slot];
    if (c === -1) return -1;
    if (m.edgeHash[slot] === h && m.edgeParent[slot] === parent) return c;
    slot = (slot + 1) & mask;
  }
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
  tokAllCaps = new Uint8Array(MAX_DEPTH);
  node = new Int32Array(MAX_DEPTH);
  firstEnd = 0;
  fuzzyDepth = MAX_DEPTH; // depth of the misspelt word, MAX_DEPTH if none
}

/** Finds the longest alias starting at every word, left to right, without overlaps. */
export function spot(m: Matcher, text: string): Candidate[] {
  const out: Candidate[] = [];
  const n = text.length;
  const cls = CHAR_CLASS;
  const fold = FOLD;
  const lowerStart = m.lowerStart;
  const digitStart = m.digitStart;
  const walk = new Walk();
  let prevStart = -1; // the word before the current one, for misspelt first names
  let prevEnd = -1;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const k = cls[c];
    if (k < WORD) {
      i++;
      continue;
    }
    const start = i;
    if (k === LOWER ? lowerStart[fold[c]] === 0 : k === DIGIT && !digitStart) {
      // this word cannot start an alias: skip it
      i++;
      while (i < n && cls[text.charCodeAt(i)] >= WORD) i++;
      prevStart = start;
      prevEnd = i;
      continue;
    }
    const found = matchAt(m, text, start, walk, prevStart, prevEnd, out.length ? out[out.length - 1].end : 0);
    if (found) {
      out.push(found);
      i = found.end;
      prevStart = walk.tokStart[0];
      prevEnd = found.end;
    } else {
      i = walk.firstEnd;
      prevStart = start;
      prevEnd = i;
    }
  }
  return out;
}

function matchAt(
  m: Matcher,
  text: string,
  start: number,
  w: Walk,
  prevStart: number,
  prevEnd: number,
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
    // Read one word: hash and case flags.
    const firstClass = cls[text.charCodeAt(pos)];
    let h = HASH_SEED;
    let uppers = 0;
    let lowers = 0;
    let p = pos;
    while (p < n) {
      const c = text.charCodeAt(p);
      const k = cls[c];
      if (k < WORD) break;
      if (k === UPPER) uppers++;
      else if (k === LOWER) lowers++;
      const f = fold[c];
      if (f !== 0) h = Math.imul(h ^ f, 16777619);
      p++;
    }
    if (depth === 0) w.firstEnd = p;
    let child = findEdge(m, node, h);
    if (child === -1) {
      // A misspelt word inside a name ("Marine Le Pin"): one per match, only after an exact first word.
      if (depth === 0 || w.fuzzyDepth !== MAX_DEPTH || p - pos < 3 || firstClass !== UPPER) break;
      child = fuzzyChild(m, node, foldSlice(text, pos, p));
      if (child === -1) break;
      w.fuzzyDepth = depth;
    }
    w.tokStart[depth] = pos;
    w.tokEnd[depth] = p;
    w.tokCap[depth] = firstClass === UPPER || firstClass === DIGIT ? 1 : 0;
    w.tokAllCaps[depth] = lowers === 0 && uppers >= 2 ? 1 : 0;
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
    pos = q;
  }
  // Longest first: the deepest node whose rows the text satisfies.
  for (let d = depth; d >= 1; d--) {
    const node = w.node[d - 1];
    const from = m.nodeRowStart[node];
    const to = m.nodeRowStart[node + 1];
    if (from === to) continue;
    const fuzzy = d > w.fuzzyDepth;
    const end = w.tokEnd[d - 1];
    let rows: number[] | null = null;
    let tail: Candidate | null = null;
    let tailAmbiguous = false;
    for (let r = from; r < to; r++) {
      const row = m.rowOrder[r];
      if (m.rowKind[row] === KIND_FUZZY_TAIL) {
        if (fuzzy) continue; // one misspelling per name
        const t = fuzzyTail(m, text, row, w, d, prevStart, prevEnd, lastMentionEnd);
        if (!t) continue;
        if (tail && m.rowEntity[tail.rows[0]] !== m.rowEntity[t.rows[0]]) tailAmbiguous = true;
        tail = t;
        continue;
      }
      if (!caseOk(m.rowRule[row], w, d, 0)) continue;
      if (!fuzzy && !sameWords(m.rowNorm[row], text, start, end)) continue; // (a misspelt name cannot be compared)
      (rows ??= []).push(row);
    }
    if (tail && !tailAmbiguous) return tail; // "Marin Le Pen" is longer than "Le Pen"
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
function caseOk(rule: number, w: Walk, depth: number, offset: number): boolean {
  if (rule & RULE_ACRONYM) {
    if (w.tokAllCaps[0]) return true;
    return w.tokCap[0] === 1 && w.tokEnd[0] - w.tokStart[0] >= 4;
  }
  const mask = rule >>> (RULE_MASK_SHIFT + offset);
  for (let d = 0; d < depth; d++) {
    if ((mask >>> d) & 1 && !w.tokCap[d]) return false;
  }
  return true;
}

/** Guards against token hash collisions: compares the folded words of text[start, end) with the alias. */
function sameWords(norm: string, text: string, start: number, end: number): boolean {
  let j = 0;
  let inGap = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (CHAR_CLASS[c] < WORD) {
      inGap = true;
      continue;
    }
    if (inGap) {
      if (norm.charCodeAt(j) !== 32) return false;
      j++;
      inGap = false;
    }
    const f = FOLD[c];
    if (f === 0) continue;
    if (norm.charCodeAt(j) !== f) return false;
    j++;
  }
  return j === norm.length;
}

function foldSlice(text: string, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) {
    const f = FOLD[text.charCodeAt(i)];
    if (f !== 0) s += String.fromCharCode(f);
  }
  return s;
}

/** The single child of `node` whose word is one edit away from `word` (4+ letters), or -1. */
function fuzzyChild(m: Matcher, node: number, word: string): number {
  let found = -1;
  for (const child of childrenOf(m, node)) {
    const tok = m.nodeToken[child];
    if (tok.length >= 4 && withinOneEdit(word, tok)) {
      if (found !== -1) return -1; // ambiguous
      found = child;
    }
  }
  return found;
}

/** "Marin Le Pen": the walked words are the exact tail of a name; is the word before them its misspelt first word? */
function fuzzyTail(
  m: Matcher,
  text: string,
  row: number,
  w: Walk,
  depth: number,
  prevStart: number,
  prevEnd: number,
  lastMentionEnd: number,
): Candidate | null {
  if (prevStart < 0 || prevStart < lastMentionEnd) return null;
  const start = w.tokStart[0];
  for (let i = prevEnd; i < start; i++) {
    const k = CHAR_CLASS[text.charCodeAt(i)];
    if (k !== SPACE && k !== HYPHEN) return null;
  }
  const rule = m.rowRule[row];
  if ((rule >>> RULE_MASK_SHIFT) & 1 && CHAR_CLASS[text.charCodeAt(prevStart)] !== UPPER) return null;
  if (!caseOk(rule, w, depth, 1)) return null;
  const end = w.tokEnd[depth - 1];
  if (!sameWords(m.rowNorm[row], text, start, end)) return null;
  if (!withinOneEdit(foldSlice(text, prevStart, prevEnd), m.rowHead[row]!)) return null;
  return { start: prevStart, end, rows: [m.rowTarget[row]], fuzzy: true };
}

