;; The word scanner of `spot` (matcher.ts), in WebAssembly: finds the words of a text that may start an alias and
;; hashes them, exactly as the JavaScript scan does, so that JavaScript only sees the few words worth a trie lookup.
;; word-scan.ts copies the text in (UTF-8) and the tables, and reads the records out; scripts/build-wasm.ts compiles
;; this file into word-scan-wasm.ts.
;;
;; Words and hashes are those of the JavaScript scan, which reads UTF-16 code units: a word is a run of code units
;; whose class (SCAN below) is a word class; its hash is FNV-1a over the units' FOLD codes (0: skipped); a 4-byte
;; UTF-8 character is its two surrogates (both word characters, folded to themselves); offsets given back are
;; UTF-16 offsets. Lone surrogates reach here as U+FFFD (TextEncoder's replacement): words holding one are flagged
;; and hashed again by JavaScript from the text.
;;
;; Two passes, interleaved a list at a time: `refill` finds the words that need hashing (32 bytes at a time; the
;; first three characters of a word decide it), `next` hashes them and keeps those the first-word filter passes.
(module
  (memory (export "memory") 5)
  ;; Memory layout (bytes; word-scan.ts has the same numbers):
  ;;   FOLD        0        u16 × 65536, the folded code of each UTF-16 code unit (normalize.ts)
  ;;   SCAN        131072   u8 × 65536: bits 0-1 the scan class, 0 separator, 1 ".", 2 lowercase letter,
  ;;                        3 other word character; bits 2-6 a lowercase letter's folded letter & 31 (SCAN_CODE)
  ;;   PREFIX      196608   u8 × 32768: may a lowercase word so spelt start an alias (Matcher.lowerPrefixes)
  ;;   FIRST       229376   8 KB bit set by the top 16 bits of a word's hash (Matcher.firstWords)
  ;;   FIRST_LOWER 237568   8 KB, the same for lowercase words (Matcher.firstWordsLower)
  ;;   OUT         245760   1024 records of 4 × i32: UTF-16 start, UTF-16 end, hash, then the second hash's top 30
  ;;                        bits with two flags below (1: starts with a lowercase letter; 2: holds U+FFFD,
  ;;                        JavaScript hashes it again)
  ;;   LIST        262144   4096 entries of 2 × i32: byte offset and UTF-16 offset of a word to hash
  ;;   IN          294912   the text in UTF-8, then at least 48 zero bytes (separators: reads past the end stop there)

  ;; state of the scan of one text
  (global $end (mut i32) (i32.const 0)) ;; the text's length in bytes
  (global $p (mut i32) (i32.const 0)) ;; pass 1: the next block's byte offset (always at a character's first byte)
  (global $u16 (mut i32) (i32.const 0)) ;; pass 1: its UTF-16 offset
  (global $carry (mut i32) (i32.const 0)) ;; pass 1: 1 if the character before it is a word character
  (global $listPos (mut i32) (i32.const 262144)) ;; pass 2: the next list entry to hash
  (global $listEnd (mut i32) (i32.const 262144))

  ;; Starts the scan of the text of `end` bytes at IN.
  (func (export "start") (param $end i32)
    (global.set $end (local.get $end))
    (global.set $p (i32.const 0))
    (global.set $u16 (i32.const 0))
    (global.set $carry (i32.const 0))
    (global.set $listPos (i32.const 262144))
    (global.set $listEnd (i32.const 262144)))

  ;; The character at byte j of the text: its code point and its length in bytes. (The text is valid UTF-8:
  ;; TextEncoder wrote it.)
  (func $decode (param $j i32) (result i32 i32)
    (local $b i32)
    (local.set $b (i32.load8_u offset=294912 (local.get $j)))
    (if (i32.lt_u (local.get $b) (i32.const 0x80)) (then (return (local.get $b) (i32.const 1))))
    (if (i32.lt_u (local.get $b) (i32.const 0xe0)) (then
      (return
        (i32.or (i32.shl (i32.and (local.get $b) (i32.const 0x1f)) (i32.const 6))
                (i32.and (i32.load8_u offset=294913 (local.get $j)) (i32.const 0x3f)))
        (i32.const 2))))
    (if (i32.lt_u (local.get $b) (i32.const 0xf0)) (then
      (return
        (i32.or (i32.or (i32.shl (i32.and (local.get $b) (i32.const 0x0f)) (i32.const 12))
                        (i32.shl (i32.and (i32.load8_u offset=294913 (local.get $j)) (i32.const 0x3f)) (i32.const 6)))
                (i32.and (i32.load8_u offset=294914 (local.get $j)) (i32.const 0x3f)))
        (i32.const 3))))
    (i32.or (i32.or (i32.or
        (i32.shl (i32.and (local.get $b) (i32.const 0x07)) (i32.const 18))
        (i32.shl (i32.and (i32.load8_u offset=294913 (local.get $j)) (i32.const 0x3f)) (i32.const 12)))
        (i32.shl (i32.and (i32.load8_u offset=294914 (local.get $j)) (i32.const 0x3f)) (i32.const 6)))
        (i32.and (i32.load8_u offset=294915 (local.get $j)) (i32.const 0x3f)))
    (i32.const 4))

  ;; The first UTF-16 code unit of code point cp: itself, or its high surrogate.
  (func $unit (param $cp i32) (result i32)
    (select
      (i32.or (i32.const 0xd800) (i32.shr_u (i32.sub (local.get $cp) (i32.const 0x10000)) (i32.const 10)))
      (local.get $cp)
      (i32.ge_u (local.get $cp) (i32.const 0x10000))))

  ;; The SCAN code of the character at byte j (and its length).
  (func $scanAt (param $j i32) (result i32 i32)
    (local $cp i32) (local $len i32)
    (call $decode (local.get $j))
    (local.set $len)
    (local.set $cp)
    (i32.load8_u offset=131072 (call $unit (local.get $cp)))
    (local.get $len))

  ;; Does the word starting at byte s need hashing? As the JavaScript scan's state machine (SCAN_NEXT) decides from
  ;; its first three characters: yes unless it starts with a lowercase letter and is either one letter ("a"; but
  ;; "p." is hashed) or its first three letters cannot start a lowercase alias (PREFIX) and none is a capital or digit.
  ;; Any characters; the pass below has a faster way for ASCII ones.
  (func $needsHash (param $s i32) (result i32)
    (local $x1 i32) (local $x2 i32) (local $x3 i32) (local $len i32)
    (call $scanAt (local.get $s))
    (local.set $len)
    (local.set $x1)
    (if (i32.ne (i32.and (local.get $x1) (i32.const 3)) (i32.const 2)) (then (return (i32.const 1))))
    (local.set $s (i32.add (local.get $s) (local.get $len)))
    (call $scanAt (local.get $s))
    (local.set $len)
    (local.set $x2)
    (if (i32.and (local.get $x2) (i32.const 1)) (then (return (i32.const 1)))) ;; "." or a capital, digit, mark
    (if (i32.eqz (i32.and (local.get $x2) (i32.const 3))) (then (return (i32.const 0)))) ;; a one-letter word
    (call $scanAt (i32.add (local.get $s) (local.get $len)))
    (drop)
    (local.set $x3)
    ;; (separators and non-lowercase word characters have no letter bits: key (a, b, 0))
    (i32.or
      (i32.load8_u offset=196608 (i32.or (i32.or
        (i32.shl (i32.shr_u (local.get $x1) (i32.const 2)) (i32.const 10))
        (i32.shl (i32.shr_u (local.get $x2) (i32.const 2)) (i32.const 5)))
        (i32.shr_u (local.get $x3) (i32.const 2))))
      (i32.eq (i32.and (local.get $x3) (i32.const 3)) (i32.const 3))))

  ;; Pass 1: appends the words to hash to the list, from block $p on, until the list is nearly full or the text ends.
  ;; A block is 32 bytes from a character's first byte, plus the rest of a character that straddles its end. SIMD
  ;; classifies its ASCII bytes (and the next two bytes, for the words starting at its end) into bit sets; its other
  ;; characters are decoded one by one (news text has few: quotes, dashes, accented letters). The bit sets say which
  ;; word starts are hashed for sure and which need the PREFIX lookup; only those are visited one by one, with no
  ;; branch that depends on the text but the loop's (branch mispredictions cost more than the work).
  (func $refill
    (local $p i32) (local $end i32) (local $u16 i32) (local $list i32) (local $adv i32) (local $i i32)
    (local $cp i32) (local $len i32) (local $v i32) (local $before i32)
    (local $high0 i32) (local $cont i32) (local $astral i32) (local $leads i32)
    (local $carry i64) (local $high i64) (local $lower i64) (local $alnum i64) (local $dot i64) (local $upper i64)
    (local $starts i64) (local $slow i64) (local $sure i64) (local $visit i64) (local $bit i64)
    (local $v0 v128) (local $v1 v128) (local $v2 v128)
    (local $x61 v128) (local $x26 v128) (local $x20 v128) (local $x30 v128) (local $x10 v128) (local $x2e v128)
    (local $xc0 v128) (local $x80 v128) (local $xf8 v128) (local $xf0 v128)
    (local.set $x61 (i8x16.splat (i32.const 0x61)))
    (local.set $x26 (i8x16.splat (i32.const 26)))
    (local.set $x20 (i8x16.splat (i32.const 0x20)))
    (local.set $x30 (i8x16.splat (i32.const 0x30)))
    (local.set $x10 (i8x16.splat (i32.const 10)))
    (local.set $x2e (i8x16.splat (i32.const 0x2e)))
    (local.set $xc0 (i8x16.splat (i32.const 0xc0)))
    (local.set $x80 (i8x16.splat (i32.const 0x80)))
    (local.set $xf8 (i8x16.splat (i32.const 0xf8)))
    (local.set $xf0 (i8x16.splat (i32.const 0xf0)))
    (local.set $p (global.get $p))
    (local.set $end (global.get $end))
    (local.set $carry (i64.extend_i32_u (global.get $carry)))
    (local.set $u16 (global.get $u16))
    (local.set $list (i32.const 262144))
    (block $done
      (loop $blocks
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (br_if $done (i32.ge_u (local.get $list) (i32.const 294784))) ;; (LIST + (4096 - 16) × 8: a block lists 16 at most)
        ;; Bit sets over 48 bytes (bit i: byte p + i): non-ASCII, ASCII lowercase letters, ASCII letters and digits, ".".
        (local.set $v0 (v128.load offset=294912 (local.get $p)))
        (local.set $v1 (v128.load offset=294928 (local.get $p)))
        (local.set $v2 (v128.load offset=294944 (local.get $p)))
        (local.set $high (i64.or (i64.or
          (i64.extend_i32_u (i8x16.bitmask (local.get $v0)))
          (i64.shl (i64.extend_i32_u (i8x16.bitmask (local.get $v1))) (i64.const 16)))
          (i64.shl (i64.extend_i32_u (i8x16.bitmask (local.get $v2))) (i64.const 32))))
        (local.set $lower (i64.or (i64.or
          (i64.extend_i32_u (i8x16.bitmask (i8x16.lt_u (i8x16.sub (local.get $v0) (local.get $x61)) (local.get $x26))))
          (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.lt_u (i8x16.sub (local.get $v1) (local.get $x61)) (local.get $x26)))) (i64.const 16)))
          (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.lt_u (i8x16.sub (local.get $v2) (local.get $x61)) (local.get $x26)))) (i64.const 32))))
        (local.set $alnum (i64.or (i64.or
          (i64.extend_i32_u (i8x16.bitmask (v128.or
            (i8x16.lt_u (i8x16.sub (v128.or (local.get $v0) (local.get $x20)) (local.get $x61)) (local.get $x26))
            (i8x16.lt_u (i8x16.sub (local.get $v0) (local.get $x30)) (local.get $x10)))))
          (i64.shl (i64.extend_i32_u (i8x16.bitmask (v128.or
            (i8x16.lt_u (i8x16.sub (v128.or (local.get $v1) (local.get $x20)) (local.get $x61)) (local.get $x26))
            (i8x16.lt_u (i8x16.sub (local.get $v1) (local.get $x30)) (local.get $x10))))) (i64.const 16)))
          (i64.shl (i64.extend_i32_u (i8x16.bitmask (v128.or
            (i8x16.lt_u (i8x16.sub (v128.or (local.get $v2) (local.get $x20)) (local.get $x61)) (local.get $x26))
            (i8x16.lt_u (i8x16.sub (local.get $v2) (local.get $x30)) (local.get $x10))))) (i64.const 32))))
        (local.set $dot (i64.or (i64.or
          (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v0) (local.get $x2e))))
          (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v1) (local.get $x2e)))) (i64.const 16)))
          (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v2) (local.get $x2e)))) (i64.const 32))))
        (local.set $upper (i64.and (local.get $alnum) (i64.xor (local.get $lower) (i64.const -1)))) ;; capitals, digits
        (local.set $adv (i32.const 32))
        (local.set $cont (i32.const 0))
        (local.set $astral (i32.const 0))
        (local.set $high0 (i32.wrap_i64 (local.get $high)))
        (if (local.get $high0) (then
          ;; continuation bytes (10xxxxxx) and first bytes of 4-byte characters (11110xxx: two UTF-16 units)
          (local.set $cont (i32.or
            (i8x16.bitmask (i8x16.eq (v128.and (local.get $v0) (local.get $xc0)) (local.get $x80)))
            (i32.shl (i8x16.bitmask (i8x16.eq (v128.and (local.get $v1) (local.get $xc0)) (local.get $x80))) (i32.const 16))))
          (local.set $astral (i32.or
            (i8x16.bitmask (i8x16.eq (v128.and (local.get $v0) (local.get $xf8)) (local.get $xf0)))
            (i32.shl (i8x16.bitmask (i8x16.eq (v128.and (local.get $v1) (local.get $xf8)) (local.get $xf0))) (i32.const 16))))
          ;; each non-ASCII character of a word class makes all its bytes word bytes
          (local.set $leads (i32.and (local.get $high0) (i32.xor (local.get $cont) (i32.const -1))))
          (loop $chars
            (local.set $i (i32.ctz (local.get $leads)))
            (local.set $leads (i32.and (local.get $leads) (i32.sub (local.get $leads) (i32.const 1))))
            (call $decode (i32.add (local.get $p) (local.get $i)))
            (local.set $len)
            (local.set $cp)
            (if (i32.ge_u (i32.and (i32.load8_u offset=131072 (call $unit (local.get $cp))) (i32.const 3)) (i32.const 2)) (then
              (local.set $alnum (i64.or (local.get $alnum)
                (i64.shl (i64.extend_i32_u (i32.sub (i32.shl (i32.const 1) (local.get $len)) (i32.const 1)))
                         (i64.extend_i32_u (local.get $i)))))))
            ;; (a character straddling the block's end: the next block starts after it)
            (local.set $adv (select (i32.add (local.get $i) (local.get $len)) (local.get $adv)
                                    (i32.gt_u (i32.add (local.get $i) (local.get $len)) (local.get $adv))))
            (br_if $chars (local.get $leads)))))
        ;; Word starts: word bytes after a non-word byte (first bytes of characters: a word character's other bytes
        ;; are word bytes too). Those with a non-ASCII byte among their first three go the slow way ($needsHash).
        (local.set $starts (i64.and (i64.and (local.get $alnum)
          (i64.xor (i64.or (i64.shl (local.get $alnum) (i64.const 1)) (local.get $carry)) (i64.const -1))) (i64.const 0xffffffff)))
        (local.set $carry (i64.and (i64.shr_u (local.get $alnum) (i64.extend_i32_u (i32.sub (local.get $adv) (i32.const 1)))) (i64.const 1)))
        (local.set $slow (i64.and (local.get $starts)
          (i64.or (i64.or (local.get $high) (i64.shr_u (local.get $high) (i64.const 1))) (i64.shr_u (local.get $high) (i64.const 2)))))
        (local.set $starts (i64.xor (local.get $starts) (local.get $slow)))
        ;; $needsHash over the bit sets: hashed for sure if not lowercase, or "." or a capital or digit second, or a
        ;; capital or digit third after two lowercase letters; after two lowercase letters, if PREFIX says so (visited
        ;; below); else (a one-letter lowercase word) not.
        (local.set $sure (i64.and (local.get $starts) (i64.or (i64.or
          (i64.xor (local.get $lower) (i64.const -1))
          (i64.shr_u (i64.or (local.get $upper) (local.get $dot)) (i64.const 1)))
          (i64.and (i64.shr_u (local.get $lower) (i64.const 1)) (i64.shr_u (local.get $upper) (i64.const 2))))))
        (local.set $visit (i64.or (local.get $sure) (i64.and (local.get $starts) (i64.shr_u (local.get $lower) (i64.const 1)))))
        (if (i64.ne (local.get $slow) (i64.const 0)) (then
          (loop $slowStarts
            (local.set $i (i32.wrap_i64 (i64.ctz (local.get $slow))))
            (local.set $slow (i64.and (local.get $slow) (i64.sub (local.get $slow) (i64.const 1))))
            (local.set $bit (i64.shl (i64.extend_i32_u (call $needsHash (i32.add (local.get $p) (local.get $i)))) (i64.extend_i32_u (local.get $i))))
            (local.set $sure (i64.or (local.get $sure) (local.get $bit)))
            (local.set $visit (i64.or (local.get $visit) (local.get $bit)))
            (br_if $slowStarts (i64.ne (local.get $slow) (i64.const 0))))))
        ;; List them (byte offset, UTF-16 offset); an entry is written either way and kept if hashed: for sure, or by
        ;; PREFIX, whose key is the three letters' low five bits (ASCII lowercase letters: as folded), the third only if
        ;; a lowercase letter. (Two copies of the loop: in an ASCII block, UTF-16 offsets need no counting.)
        (if (i64.ne (local.get $visit) (i64.const 0)) (then
          (if (local.get $high0)
            (then
              (loop $entries
                (local.set $bit (i64.and (local.get $visit) (i64.sub (i64.const 0) (local.get $visit))))
                (local.set $visit (i64.xor (local.get $visit) (local.get $bit)))
                (local.set $i (i32.wrap_i64 (i64.ctz (local.get $bit))))
                (local.set $v (i32.load offset=294912 (i32.add (local.get $p) (local.get $i))))
                (local.set $before (i32.sub (i32.wrap_i64 (local.get $bit)) (i32.const 1)))
                (i32.store (local.get $list) (i32.add (local.get $p) (local.get $i)))
                (i32.store offset=4 (local.get $list)
                  (i32.add (i32.sub (i32.add (local.get $u16) (local.get $i)) (i32.popcnt (i32.and (local.get $cont) (local.get $before))))
                           (i32.popcnt (i32.and (local.get $astral) (local.get $before)))))
                (local.set $list (i32.add (local.get $list) (i32.shl (i32.or
                  (i64.ne (i64.and (local.get $sure) (local.get $bit)) (i64.const 0))
                  (i32.load8_u offset=196608 (i32.or (i32.or
                    (i32.shl (i32.and (local.get $v) (i32.const 31)) (i32.const 10))
                    (i32.and (i32.shr_u (local.get $v) (i32.const 3)) (i32.const 0x3e0)))
                    (select (i32.and (i32.shr_u (local.get $v) (i32.const 16)) (i32.const 31)) (i32.const 0)
                            (i64.ne (i64.and (local.get $lower) (i64.shl (local.get $bit) (i64.const 2))) (i64.const 0))))))
                  (i32.const 3))))
                (br_if $entries (i64.ne (local.get $visit) (i64.const 0)))))
            (else
              (loop $asciiEntries
                (local.set $bit (i64.and (local.get $visit) (i64.sub (i64.const 0) (local.get $visit))))
                (local.set $visit (i64.xor (local.get $visit) (local.get $bit)))
                (local.set $i (i32.wrap_i64 (i64.ctz (local.get $bit))))
                (local.set $v (i32.load offset=294912 (i32.add (local.get $p) (local.get $i))))
                (i32.store (local.get $list) (i32.add (local.get $p) (local.get $i)))
                (i32.store offset=4 (local.get $list) (i32.add (local.get $u16) (local.get $i)))
                (local.set $list (i32.add (local.get $list) (i32.shl (i32.or
                  (i64.ne (i64.and (local.get $sure) (local.get $bit)) (i64.const 0))
                  (i32.load8_u offset=196608 (i32.or (i32.or
                    (i32.shl (i32.and (local.get $v) (i32.const 31)) (i32.const 10))
                    (i32.and (i32.shr_u (local.get $v) (i32.const 3)) (i32.const 0x3e0)))
                    (select (i32.and (i32.shr_u (local.get $v) (i32.const 16)) (i32.const 31)) (i32.const 0)
                            (i64.ne (i64.and (local.get $lower) (i64.shl (local.get $bit) (i64.const 2))) (i64.const 0))))))
                  (i32.const 3))))
                (br_if $asciiEntries (i64.ne (local.get $visit) (i64.const 0))))))))
        (local.set $u16 (i32.add (i32.sub (i32.add (local.get $u16) (i32.const 32)) (i32.popcnt (local.get $cont))) (i32.popcnt (local.get $astral))))
        (local.set $p (i32.add (local.get $p) (local.get $adv)))
        (br $blocks)))
    (global.set $p (local.get $p))
    (global.set $carry (i32.wrap_i64 (local.get $carry)))
    (global.set $u16 (local.get $u16))
    (global.set $listPos (i32.const 262144))
    (global.set $listEnd (local.get $list)))

  ;; Pass 2: hashes the listed words (refilling the list as needed) and writes to OUT those that may start an alias
  ;; (the first-word filter, by the hash's top 16 bits). Returns the number of records, 0 when the text is done.
  (func (export "next") (result i32)
    (local $pos i32) (local $out i32) (local $s i32) (local $j i32) (local $u i32) (local $h i32) (local $b i32)
    (local $cp i32) (local $len i32) (local $f i32) (local $unit i32) (local $flags i32) (local $key i32) (local $keep i32)
    (local $c i32)
    (local $v v128) (local $x61 v128) (local $x26 v128) (local $x20 v128) (local $x30 v128) (local $x10 v128)
    (local.set $x61 (i8x16.splat (i32.const 0x61)))
    (local.set $x26 (i8x16.splat (i32.const 26)))
    (local.set $x20 (i8x16.splat (i32.const 0x20)))
    (local.set $x30 (i8x16.splat (i32.const 0x30)))
    (local.set $x10 (i8x16.splat (i32.const 10)))
    (local.set $pos (global.get $listPos))
    (local.set $out (i32.const 245760))
    (block $done
      (loop $words
        (if (i32.eq (local.get $pos) (global.get $listEnd)) (then
          (br_if $done (i32.ge_u (global.get $p) (global.get $end)))
          (call $refill)
          (local.set $pos (i32.const 262144))
          (br $words)))
        (local.set $s (i32.load (local.get $pos)))
        (local.set $h (i32.const 0x811c9dc5))
        (local.set $c (i32.const 0x6a09e667)) ;; the second hash (checkToken in normalize.ts: rotate, xor, multiply)
        ;; The word's ASCII letters and digits from its start (SIMD): if a separator ends them, the fast way (ASCII
        ;; letters and digits fold to their byte | 0x20); else character by character.
        (local.set $v (v128.load offset=294912 (local.get $s)))
        (local.set $u (i32.ctz (i32.or (i32.const 0x10000) (i32.xor (i32.const 0xffff) (i8x16.bitmask (v128.or
          (i8x16.lt_u (i8x16.sub (v128.or (local.get $v) (local.get $x20)) (local.get $x61)) (local.get $x26))
          (i8x16.lt_u (i8x16.sub (local.get $v) (local.get $x30)) (local.get $x10))))))))
        (local.set $j (i32.add (local.get $s) (local.get $u)))
        (if (i32.and (i32.lt_u (local.get $u) (i32.const 16)) (i32.lt_u (i32.load8_u offset=294912 (local.get $j)) (i32.const 0x80)))
          (then
            (local.set $flags (i32.lt_u (i32.sub (i32.load8_u offset=294912 (local.get $s)) (i32.const 0x61)) (i32.const 26)))
            (local.set $b (local.get $s))
            (loop $ascii
              (local.set $f (i32.or (i32.load8_u offset=294912 (local.get $b)) (i32.const 0x20)))
              (local.set $h (i32.mul (i32.xor (local.get $h) (local.get $f)) (i32.const 16777619)))
              (local.set $c (i32.mul (i32.xor (i32.rotl (local.get $c) (i32.const 5)) (local.get $f)) (i32.const 0x9e3779b1)))
              (local.set $b (i32.add (local.get $b) (i32.const 1)))
              (br_if $ascii (i32.lt_u (local.get $b) (local.get $j)))))
          (else
            (local.set $j (local.get $s))
            (local.set $u (i32.const 0))
            ;; flag 1: the first character is a lowercase letter
            (call $scanAt (local.get $s))
            (drop)
            (local.set $flags)
            (local.set $flags (i32.eq (i32.and (local.get $flags) (i32.const 3)) (i32.const 2)))
            (block $hashed
              (loop $chars
                (local.set $b (i32.load8_u offset=294912 (local.get $j)))
                (if (i32.lt_u (local.get $b) (i32.const 0x80)) (then
                  ;; ASCII: a separator ends the word
                  (br_if $hashed (i32.lt_u (i32.and (i32.load8_u offset=131072 (local.get $b)) (i32.const 3)) (i32.const 2)))
                  (local.set $f (i32.load16_u (i32.shl (local.get $b) (i32.const 1))))
                  (local.set $h (i32.mul (i32.xor (local.get $h) (local.get $f)) (i32.const 16777619)))
                  (local.set $c (i32.mul (i32.xor (i32.rotl (local.get $c) (i32.const 5)) (local.get $f)) (i32.const 0x9e3779b1)))
                  (local.set $j (i32.add (local.get $j) (i32.const 1)))
                  (local.set $u (i32.add (local.get $u) (i32.const 1)))
                  (br $chars)))
                (call $decode (local.get $j))
                (local.set $len)
                (local.set $cp)
                (local.set $unit (call $unit (local.get $cp)))
                (br_if $hashed (i32.lt_u (i32.and (i32.load8_u offset=131072 (local.get $unit)) (i32.const 3)) (i32.const 2)))
                (local.set $f (i32.load16_u (i32.shl (local.get $unit) (i32.const 1))))
                (if (local.get $f) (then
                  (local.set $h (i32.mul (i32.xor (local.get $h) (local.get $f)) (i32.const 16777619)))
                  (local.set $c (i32.mul (i32.xor (i32.rotl (local.get $c) (i32.const 5)) (local.get $f)) (i32.const 0x9e3779b1)))))
                (if (i32.eq (local.get $len) (i32.const 4)) (then
                  ;; the low surrogate
                  (local.set $f (i32.load16_u (i32.shl (i32.or (i32.const 0xdc00) (i32.and (local.get $cp) (i32.const 0x3ff))) (i32.const 1))))
                  (if (local.get $f) (then
                  (local.set $h (i32.mul (i32.xor (local.get $h) (local.get $f)) (i32.const 16777619)))
                  (local.set $c (i32.mul (i32.xor (i32.rotl (local.get $c) (i32.const 5)) (local.get $f)) (i32.const 0x9e3779b1)))))
                  (local.set $u (i32.add (local.get $u) (i32.const 1)))))
                (local.set $flags (i32.or (local.get $flags) (i32.shl (i32.eq (local.get $cp) (i32.const 0xfffd)) (i32.const 1))))
                (local.set $j (i32.add (local.get $j) (local.get $len)))
                (local.set $u (i32.add (local.get $u) (i32.const 1)))
                (br $chars)))))
        ;; The record is written either way, and kept if the filter passes (or JavaScript must hash the word again).
        (local.set $key (i32.shr_u (local.get $h) (i32.const 16)))
        (local.set $keep (i32.or
          (i32.and (i32.shr_u
            (i32.load offset=229376 (i32.add
              (i32.shl (i32.and (local.get $flags) (i32.const 1)) (i32.const 13)) ;; (FIRST_LOWER = FIRST + 8 KB)
              (i32.shl (i32.shr_u (local.get $key) (i32.const 5)) (i32.const 2))))
            (i32.and (local.get $key) (i32.const 31))) (i32.const 1))
          (i32.shr_u (local.get $flags) (i32.const 1))))
        (i32.store (local.get $out) (i32.load offset=4 (local.get $pos)))
        (i32.store offset=4 (local.get $out) (i32.add (i32.load offset=4 (local.get $pos)) (local.get $u)))
        (i32.store offset=8 (local.get $out) (local.get $h))
        (i32.store offset=12 (local.get $out) (i32.or (i32.and (local.get $c) (i32.const -4)) (local.get $flags)))
        (local.set $out (i32.add (local.get $out) (i32.shl (local.get $keep) (i32.const 4))))
        (local.set $pos (i32.add (local.get $pos) (i32.const 8)))
        (br_if $words (i32.lt_u (local.get $out) (i32.const 262144))))) ;; (OUT is full)
    (global.set $listPos (local.get $pos))
    (i32.shr_u (i32.sub (local.get $out) (i32.const 245760)) (i32.const 4)))
)
