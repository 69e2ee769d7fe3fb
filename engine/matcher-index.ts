// The matcher's lookup tables, precomputed by the archive compiler and shipped inside matcher.json, so that loading
// the bundled archive is decoding (native base64, no loop at all) rather than building a trie: any loop here runs
// cold, in the interpreter, every time the background worker starts. Tables are little-endian typed arrays in base64.
import type { Matcher, MatcherData } from './matcher';

/** Bumped whenever the tables change meaning; an index of another format is ignored (the trie is built instead). */
export const INDEX_FORMAT = 2;

export interface MatcherIndex {
  format: number;
  /** alias rows of the data it was made from (a check that it belongs to them) */
  aliasRows: number;
  tables: Record<TableName, string>;
}

const INT32 = [
  'rowStart', 'rowEnd', 'rowRule', 'rowEntity', 'rowTarget', 'rowOrder', 'nodeRowStart', 'nodeChildLetters',
  'nodeNextLetters', 'nodeRow', 'nodeParent', 'nodeHash', 'edgeChild', 'firstWords', 'firstWordsLower',
] as const;
const UINT8 = ['rowKind', 'rowWordCount', 'nodeHasChildren', 'nodeWordIndex', 'nodeLowerOk', 'lowerPrefixes'] as const;
type TableName = (typeof INT32)[number] | (typeof UINT8)[number];
type Tables = Record<TableName, Int32Array | Uint8Array>;

type Base64Codec = { fromBase64?: (s: string) => Uint8Array; prototype: { toBase64?: () => string } };
type NodeBuffer = { from(data: string | Uint8Array, encoding?: string): Uint8Array & { toString(encoding: string): string } };

function toBase64(bytes: Uint8Array): string {
  const buffer = (globalThis as { Buffer?: NodeBuffer }).Buffer;
  if (buffer) return buffer.from(bytes).toString('base64');
  const native = (bytes as Uint8Array & { toBase64?: () => string }).toBase64;
  if (native) return native.call(bytes);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** A fresh (aligned) byte array from base64, with the fastest decoder the platform has. */
function fromBase64(text: string): Uint8Array {
  const native = (Uint8Array as unknown as Base64Codec).fromBase64;
  if (native) return native(text);
  const buffer = (globalThis as { Buffer?: NodeBuffer }).Buffer;
  if (buffer) return new Uint8Array(buffer.from(text, 'base64')); // (copied: a pooled Buffer may be unaligned)
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const bytesOf = (a: Int32Array | Uint8Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

export function encodeIndex(m: Matcher, aliasRows: number): MatcherIndex {
  const source = m as unknown as Tables;
  const tables = {} as Record<TableName, string>;
  for (const name of [...INT32, ...UINT8]) tables[name] = toBase64(bytesOf(source[name]));
  return { format: INDEX_FORMAT, aliasRows, tables };
}

/** The matcher from its shipped tables, or null when the index is missing, of another format or not for this data. */
export function decodeIndex(data: MatcherData): Matcher | null {
  const index = data.index;
  if (!index || index.format !== INDEX_FORMAT || index.aliasRows !== data.aliases.rule.length) return null;
  const int32 = (name: TableName) => new Int32Array(fromBase64(index.tables[name]).buffer);
  const uint8 = (name: TableName) => fromBase64(index.tables[name]);
  const edgeChild = int32('edgeChild');
  return {
    entities: data.entities,
    prominence: Float64Array.from(data.prominence),
    norms: data.aliases.norms,
    rowStart: int32('rowStart'),
    rowEnd: int32('rowEnd'),
    rowRule: int32('rowRule'),
    rowEntity: int32('rowEntity'),
    rowKind: uint8('rowKind'),
    rowTarget: int32('rowTarget'),
    rowWordCount: uint8('rowWordCount'),
    rowOrder: int32('rowOrder'),
    nodeRowStart: int32('nodeRowStart'),
    nodeHasChildren: uint8('nodeHasChildren'),
    nodeChildLetters: int32('nodeChildLetters'),
    nodeNextLetters: int32('nodeNextLetters'),
    nodeRow: int32('nodeRow'),
    nodeWordIndex: uint8('nodeWordIndex'),
    nodeWords: null,
    nodeParent: int32('nodeParent'),
    nodeHash: int32('nodeHash'),
    edgeChild,
    edgeMask: edgeChild.length - 1,
    firstWords: int32('firstWords'),
    firstWordsLower: int32('firstWordsLower'),
    nodeLowerOk: uint8('nodeLowerOk'),
    lowerPrefixes: uint8('lowerPrefixes'),
    childrenCache: null,
  };
}
