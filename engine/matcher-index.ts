// The matcher's lookup tables, precomputed by the archive compiler and shipped as a binary file beside matcher.json
// (matcher-index.bin), so that loading the bundled archive is making typed-array views of it: no trie to build and
// nothing to parse. Any loop at load time would run cold, in the interpreter, every time the background worker starts,
// and the same tables as base64 inside matcher.json cost more to parse than the rest of the file.
//
// Layout: a little-endian u32 header length, the header (JSON: format, alias rows, and each table's name, type,
// offset and length), then the tables, each at an offset that is a multiple of 8. Numbers are little-endian.
import type { Matcher, MatcherData } from './matcher';

/** Bumped whenever the tables change meaning; an index of another format is ignored (the trie is built instead). */
export const INDEX_FORMAT = 6;

const INT32 = [
  'rowStart', 'rowEnd', 'rowRule', 'rowEntity', 'rowTarget', 'rowOrder', 'nodeRowStart', 'nodeTailFrom', 'orderTailKey', 'nodeChildLetters',
  'nodeNextLetters', 'nodeRow', 'nodeParent', 'nodeHash', 'nodeCheck', 'edgeChild', 'firstWords', 'firstWordsLower',
] as const;
const UINT8 = ['rowKind', 'rowWordCount', 'nodeHasChildren', 'nodeWordIndex', 'nodeLowerOk', 'lowerPrefixes'] as const;
type TableName = (typeof INT32)[number] | (typeof UINT8)[number];
type Tables = Record<TableName, Int32Array | Uint8Array>;

interface IndexHeader {
  format: number;
  /** alias rows of the data it was made from (a check that it belongs to them) */
  aliasRows: number;
  /** name, 4 (Int32) or 1 (Uint8) bytes per element, byte offset from the start of the file, element count */
  tables: [TableName, 4 | 1, number, number][];
}

const align8 = (n: number) => (n + 7) & ~7;

export function encodeIndex(m: Matcher, aliasRows: number): Uint8Array {
  const source = m as unknown as Tables;
  const names = [...INT32, ...UINT8];
  const header: IndexHeader = { format: INDEX_FORMAT, aliasRows, tables: [] };
  // (offsets depend on the header's length, which depends on the offsets: place the tables after a generous guess)
  let headerBytes = new TextEncoder().encode(JSON.stringify({ ...header, tables: names.map((n) => [n, 4, 1e9, 1e9]) }));
  let offset = align8(4 + headerBytes.length);
  for (const name of names) {
    const table = source[name];
    header.tables.push([name, table.BYTES_PER_ELEMENT as 4 | 1, offset, table.length]);
    offset = align8(offset + table.byteLength);
  }
  headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(offset);
  new DataView(out.buffer).setUint32(0, headerBytes.length, true);
  out.set(headerBytes, 4);
  for (const [name, , at] of header.tables) {
    const table = source[name];
    out.set(new Uint8Array(table.buffer, table.byteOffset, table.byteLength), at);
  }
  return out;
}

/**
 * The matcher from its shipped tables, or null when they are missing, of another format, not for this data, or cut
 * short (a half-written file is not trusted: the trie is built instead).
 */
export function decodeIndex(data: MatcherData, file: Uint8Array | null | undefined): Matcher | null {
  if (!file || file.length < 4) return null;
  const bytes = file.byteOffset % 8 === 0 ? file : file.slice(); // (an Int32Array view must be aligned)
  let header: IndexHeader;
  try {
    const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true);
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + length))) as IndexHeader;
  } catch {
    return null;
  }
  if (header.format !== INDEX_FORMAT || header.aliasRows !== data.aliases.rule.length) return null;
  const tables = {} as Tables;
  for (const [name, size, at, count] of header.tables) {
    if (at % 8 !== 0 || at + size * count > bytes.length) return null;
    tables[name] =
      size === 4 ? new Int32Array(bytes.buffer, bytes.byteOffset + at, count) : bytes.subarray(at, at + count);
  }
  if ([...INT32, ...UINT8].some((name) => !tables[name])) return null;
  const int32 = (name: (typeof INT32)[number]) => tables[name] as Int32Array;
  const uint8 = (name: (typeof UINT8)[number]) => tables[name] as Uint8Array;
  const edgeChild = int32('edgeChild');
  return {
    tables: 'shipped',
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
    nodeTailFrom: int32('nodeTailFrom'),
    orderTailKey: int32('orderTailKey'),
    nodeHasChildren: uint8('nodeHasChildren'),
    nodeChildLetters: int32('nodeChildLetters'),
    nodeNextLetters: int32('nodeNextLetters'),
    nodeRow: int32('nodeRow'),
    nodeWordIndex: uint8('nodeWordIndex'),
    nodeWords: null,
    nodeParent: int32('nodeParent'),
    nodeHash: int32('nodeHash'),
    nodeCheck: int32('nodeCheck'),
    edgeChild,
    edgeMask: edgeChild.length - 1,
    firstWords: int32('firstWords'),
    firstWordsLower: int32('firstWordsLower'),
    nodeLowerOk: uint8('nodeLowerOk'),
    lowerPrefixes: uint8('lowerPrefixes'),
    childrenCache: null,
  };
}
