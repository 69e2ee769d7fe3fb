// The WebAssembly word scanner of `spot` (word-scan.wat): finds and hashes the words of a text that may start an
// alias, exactly as spot's JavaScript scan does, about twice as fast. spot reads its records and does the rest
// (trie lookup, matchAt) itself. Where WebAssembly is missing or refused (a Content Security Policy without
// 'wasm-unsafe-eval'), `available()` is false and spot keeps its JavaScript scan.

import { WORD_SCAN_WASM } from './word-scan-wasm';
import { FOLD } from './normalize';
import type { Matcher } from './matcher';

// Memory layout, as in word-scan.wat.
const FOLD_AT = 0;
const SCAN_AT = 131072;
const PREFIX_AT = 196608;
const FIRST_AT = 229376;
const FIRST_LOWER_AT = 237568;
const OUT_AT = 245760;
const OUT_RECORDS = 1024;
const IN_AT = 294912;
/** zero bytes after the text (the scan reads up to 47 bytes past it) */
const PAD = 48;
const PAGE = 65536;

interface Exports {
  memory: WebAssembly.Memory;
  start(bytes: number): void;
  next(): number;
}

/** Record flags (OUT's fourth field). */
export const WORD_LOWER = 1; // the word starts with a lowercase letter
export const WORD_REHASH = 2; // the word holds U+FFFD, maybe a lone surrogate of the text: hash it from the text

export class WasmWordScan {
  /**
   * The records of the last next(): for record r, [4r] the word's start and [4r + 1] its end (UTF-16 offsets),
   * [4r + 2] its hash, [4r + 3] its second hash (checkToken: the bits of CHECK_MASK) and its WORD_* flags (the two
   * low bits). Valid until the next call.
   */
  records = new Int32Array(0);
  private exports: Exports | null | undefined; // undefined: not tried yet
  private input = new Uint8Array(0); // the memory from IN_AT (views are remade when the memory grows)
  private tablesOf: Matcher | null = null;
  private readonly encoder = new TextEncoder();

  /** @param scanCode spot's SCAN_CODE table (scan class and letter of each UTF-16 code unit) */
  constructor(private readonly scanCode: Uint8Array) {}

  /**
   * Is WebAssembly there and allowed? Instantiates the module the first time, synchronously: it is about 2 KB
   * (browsers refuse synchronous compiling on a page's main thread only for large modules).
   */
  available(): boolean {
    if (this.exports === undefined) this.exports = this.instantiate();
    return this.exports !== null;
  }

  /**
   * Starts the scan of `text` with `m`'s filters; false if it cannot (memory for the text refused, or tables of
   * unexpected sizes): spot then scans this text in JavaScript. Call only when available().
   */
  start(m: Matcher, text: string): boolean {
    const ex = this.exports!;
    const need = IN_AT + text.length * 3 + PAD; // (UTF-8 takes at most 3 bytes per UTF-16 code unit)
    if (need > ex.memory.buffer.byteLength) {
      try {
        ex.memory.grow(Math.ceil((need - ex.memory.buffer.byteLength) / PAGE));
      } catch {
        return false; // (RangeError: out of memory)
      }
    }
    if (this.input.buffer !== ex.memory.buffer) this.views();
    if (this.tablesOf !== m && !this.copyTables(m)) return false;
    const written = this.encoder.encodeInto(text, this.input).written;
    this.input.fill(0, written, written + PAD);
    ex.start(written);
    return true;
  }

  /** Scans on: the number of records now in `records`; 0 when the text is done. */
  next(): number {
    return this.exports!.next();
  }

  private instantiate(): Exports | null {
    try {
      if (typeof WebAssembly !== 'object') return null;
      const binary = atob(WORD_SCAN_WASM);
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      const ex = new WebAssembly.Instance(new WebAssembly.Module(bytes), {}).exports as unknown as Exports;
      new Uint16Array(ex.memory.buffer, FOLD_AT, FOLD.length).set(FOLD);
      new Uint8Array(ex.memory.buffer, SCAN_AT, this.scanCode.length).set(this.scanCode);
      return ex;
    } catch {
      return null; // no WebAssembly SIMD, or compiling refused by the CSP
    }
  }

  private views(): void {
    const buffer = this.exports!.memory.buffer;
    this.input = new Uint8Array(buffer, IN_AT);
    this.records = new Int32Array(buffer, OUT_AT, OUT_RECORDS * 4);
  }

  /** Copies the matcher's filters into the module's memory (once per matcher: spot is called with one, mostly). */
  private copyTables(m: Matcher): boolean {
    const buffer = this.exports!.memory.buffer;
    if (m.lowerPrefixes.length !== FIRST_AT - PREFIX_AT) return false;
    if (m.firstWords.length * 4 !== FIRST_LOWER_AT - FIRST_AT || m.firstWordsLower.length * 4 !== OUT_AT - FIRST_LOWER_AT) return false;
    new Uint8Array(buffer, PREFIX_AT, m.lowerPrefixes.length).set(m.lowerPrefixes);
    new Int32Array(buffer, FIRST_AT, m.firstWords.length).set(m.firstWords);
    new Int32Array(buffer, FIRST_LOWER_AT, m.firstWordsLower.length).set(m.firstWordsLower);
    this.tablesOf = m;
    return true;
  }
}
