// Byte-level tokenisation behind the batch transcription scores: words and characters become
// small integer ids straight from a string's UTF-8 bytes, without a `String` or an array per
// token. The rules are those of ``Transcription/words(_:)`` and
// ``Transcription/characters(_:)`` (jiwer's default transforms).

extension Transcription {
    /// Calls `body` with the string's UTF-8 bytes (contiguous; copied only for a bridged string).
    @inline(__always)
    static func withUTF8<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = text.utf8.withContiguousStorageIfAvailable(body) { return r }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// Byte length of the UTF-8 sequence a lead byte starts.
    @inline(__always)
    static func utf8Length(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// Byte length of the Python whitespace character (`str.isspace`, see `isPythonSpace`)
    /// starting at `p[i]`, or 0 when that character is not whitespace. `i < n`; `p` is valid UTF-8.
    @inline(__always)
    static func whitespaceLength(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let b0 = p[i]
        if b0 < 0x80 {
            return (b0 >= 0x09 && b0 <= 0x0D) || (b0 >= 0x1C && b0 <= 0x20) ? 1 : 0
        }
        switch b0 {
        case 0xC2:  // U+0085, U+00A0
            let b1 = p[i + 1]
            return b1 == 0x85 || b1 == 0xA0 ? 2 : 0
        case 0xE1:  // U+1680
            return p[i + 1] == 0x9A && p[i + 2] == 0x80 ? 3 : 0
        case 0xE2:  // U+2000…U+200A, U+2028, U+2029, U+202F, U+205F
            let b1 = p[i + 1], b2 = p[i + 2]
            if b1 == 0x80 { return b2 <= 0x8A || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF ? 3 : 0 }
            return b1 == 0x81 && b2 == 0x9F ? 3 : 0
        case 0xE3:  // U+3000
            return p[i + 1] == 0x80 && p[i + 2] == 0x80 ? 3 : 0
        default:
            return 0
        }
    }

    /// The words of ``words(_:)`` as byte ranges of `p`, in order: leading and trailing
    /// whitespace is dropped; inside the text a run of two or more whitespace characters or a
    /// single U+0020 separates words, while a single other whitespace character (a lone tab,
    /// say) belongs to the word around it — exactly jiwer's `RemoveMultipleSpaces`, `Strip`,
    /// split on `" "`.
    @inline(__always)
    static func forEachWord(_ p: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
        let n = p.count
        var i = 0
        // leading whitespace (Strip)
        while i < n {
            let w = whitespaceLength(p, i)
            if w == 0 { break }
            i += w
        }
        while i < n {
            // p[i] starts a word
            let start = i
            var end = n
            var next = n
            while i < n {
                let b = p[i]
                // fast path: printable ASCII other than the space never separates words
                if b > 0x20 && b < 0x80 { i += 1; continue }
                let w = whitespaceLength(p, i)
                if w == 0 { i += utf8Length(b); continue }
                // a whitespace run starts at i: count its characters
                var j = i + w
                var run = 1
                while j < n {
                    let w2 = whitespaceLength(p, j)
                    if w2 == 0 { break }
                    j += w2
                    run += 1
                }
                if run == 1 && b != 0x20 && j < n {
                    i = j  // a single inner tab, newline, … stays inside the word
                    continue
                }
                end = i
                next = j
                break
            }
            if i >= n { end = n; next = n }
            body(start..<end)
            i = next
        }
    }

    /// Calls `body` with each Unicode scalar value of ``characters(_:)`` (Python whitespace
    /// stripped at both ends), in order.
    @inline(__always)
    static func forEachCharacter(_ p: UnsafeBufferPointer<UInt8>, _ body: (UInt32) -> Void) {
        var lo = 0, hi = p.count
        while lo < hi {
            let w = whitespaceLength(p, lo)
            if w == 0 { break }
            lo += w
        }
        // trailing whitespace: step back over continuation bytes to each character's start
        while hi > lo {
            var s = hi - 1
            while p[s] & 0xC0 == 0x80 { s -= 1 }
            if whitespaceLength(p, s) == 0 { break }
            hi = s
        }
        var i = lo
        while i < hi {
            let b0 = UInt32(p[i])
            if b0 < 0x80 {
                body(b0)
                i += 1
            } else if b0 < 0xE0 {
                body((b0 & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F))
                i += 2
            } else if b0 < 0xF0 {
                body((b0 & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F))
                i += 3
            } else {
                body((b0 & 0x07) << 18 | UInt32(p[i + 1] & 0x3F) << 12 | UInt32(p[i + 2] & 0x3F) << 6 | UInt32(p[i + 3] & 0x3F))
                i += 4
            }
        }
    }

    /// Maps words (UTF-8 byte strings) to consecutive ids 0, 1, 2, … by content — equal
    /// byte strings are equal code point sequences, Python's string equality. Open addressing
    /// over one byte arena: no allocation per word. Each entry keeps the word's first 8 bytes,
    /// so a word of up to 8 bytes (most words) is hashed with one multiplication and found
    /// with one comparison of its bytes and length; longer words are hashed whole and their
    /// rest compared 8 bytes at a time.
    final class WordInterner {
        private struct Entry {
            /// The first (up to) 8 bytes, little-endian, zero beyond the word.
            var head: UInt64
            /// The top 32 bits of the word's hash: its slot in any table size, without rehashing.
            var hash: UInt32
            var id: Int32
            var start: Int32
            var length: Int32
        }

        private var table: UnsafeMutablePointer<Entry>
        /// log2 of the table size.
        private var bits: UInt32
        private var arena: UnsafeMutablePointer<UInt8>
        private var arenaCount = 0
        private var arenaCapacity: Int
        /// Number of distinct words seen.
        private(set) var count = 0

        init() {
            bits = 10
            table = .allocate(capacity: 1 << bits)
            table.initialize(repeating: Entry(head: 0, hash: 0, id: -1, start: 0, length: 0), count: 1 << bits)
            arenaCapacity = 4096
            arena = .allocate(capacity: arenaCapacity)
        }

        deinit {
            table.deallocate()
            arena.deallocate()
        }

        /// The first `min(8, range.count)` bytes of `p[range]` as a little-endian integer.
        @inline(__always)
        private static func head(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
            let n = Swift.min(8, range.count)
            if n == 0 { return 0 }
            let i = range.lowerBound
            if i + 8 <= p.count {
                // the bytes after the word are inside the buffer: one load, then mask
                let word = UnsafeRawPointer(p.baseAddress!).loadUnaligned(fromByteOffset: i, as: UInt64.self)
                return n == 8 ? word : word & ((1 &<< UInt64(8 * n)) &- 1)
            }
            var v: UInt64 = 0
            for k in 0..<n { v |= UInt64(p[i + k]) &<< UInt64(8 * k) }
            return v
        }

        /// A hash of a word longer than 8 bytes, `head` being its first 8.
        private static func longHash(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, head: UInt64) -> UInt64 {
            var h: UInt64 = (0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: range.count) ^ head) &* 0xFF51_AFD7_ED55_8CCD
            var i = range.lowerBound + 8
            while i < range.upperBound {
                let chunk = Self.head(p, i..<range.upperBound)
                h = (h ^ (h >> 32) ^ chunk) &* 0xFF51_AFD7_ED55_8CCD
                i += 8
            }
            h ^= h >> 33
            h = h &* 0xC4CE_B9FE_1A85_EC53
            h ^= h >> 29
            return h
        }

        /// The id of the word `p[range]` (a new id if it was never seen).
        func id(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int32 {
            let length = range.count
            let head = Self.head(p, range)
            // short words: the multiply's top bits, which depend on every byte, pick the slot
            let h =
                length <= 8
                ? (head &+ UInt64(truncatingIfNeeded: length) &<< 59) &* 0x9E37_79B9_7F4A_7C15 : Self.longHash(p, range, head: head)
            let h32 = UInt32(truncatingIfNeeded: h >> 32)
            let mask = (1 << Int(bits)) - 1
            var slot = Int(h32 >> (32 - bits))
            while true {
                let e = table[slot]
                if e.id < 0 { break }
                if e.head == head && Int(e.length) == length && (length <= 8 || (e.hash == h32 && sameTail(e, p, range))) {
                    return e.id
                }
                slot = (slot + 1) & mask
            }
            let id = Int32(truncatingIfNeeded: count)
            if arenaCount + length > arenaCapacity { growArena(arenaCount + length) }
            (arena + arenaCount).update(from: p.baseAddress! + range.lowerBound, count: length)
            table[slot] = Entry(
                head: head, hash: h32, id: id, start: Int32(truncatingIfNeeded: arenaCount), length: Int32(truncatingIfNeeded: length))
            arenaCount += length
            count += 1
            if 2 * count > mask + 1 { growTable() }
            return id
        }

        /// The bytes after the first 8 of a stored word and of `p[range]` (same length) agree.
        private func sameTail(_ e: Entry, _ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
            let stored = arena + Int(e.start), word = p.baseAddress! + range.lowerBound
            var k = 8
            while k < range.count && stored[k] == word[k] { k += 1 }
            return k == range.count
        }

        private func growArena(_ needed: Int) {
            let capacity = Swift.max(needed, 2 * arenaCapacity)
            let fresh = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            fresh.update(from: arena, count: arenaCount)
            arena.deallocate()
            arena = fresh
            arenaCapacity = capacity
        }

        /// Doubles the table (load factor at most 1/2); an entry's slot comes from its stored hash.
        private func growTable() {
            let old = table, oldSize = 1 << Int(bits)
            bits += 1
            let mask = (1 << Int(bits)) - 1
            table = .allocate(capacity: mask + 1)
            table.initialize(repeating: Entry(head: 0, hash: 0, id: -1, start: 0, length: 0), count: mask + 1)
            for k in 0..<oldSize where old[k].id >= 0 {
                var slot = Int(old[k].hash >> (32 - bits))
                while table[slot].id >= 0 { slot = (slot + 1) & mask }
                table[slot] = old[k]
            }
            old.deallocate()
        }
    }

    /// Maps Unicode scalars to dense ids: ASCII keeps its value, any other scalar gets 128, 129, …
    /// in order of first appearance (so tables indexed by id stay small).
    struct ScalarInterner {
        private var others: [UInt32: Int32] = [:]

        /// Number of possible ids so far (128 + distinct non-ASCII scalars).
        var count: Int { 128 + others.count }

        @inline(__always)
        mutating func id(_ v: UInt32) -> Int32 {
            if v < 0x80 { return Int32(v) }
            if let e = others[v] { return e }
            let e = Int32(128 + others.count)
            others[v] = e
            return e
        }
    }

    /// A reusable buffer of token ids (the tokens of one text at a time).
    final class TokenBuffer {
        private var storage = ScratchBuffer<Int32>(capacity: 256)
        private(set) var count = 0

        deinit { storage.free() }

        var tokens: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(start: storage.base, count: count) }

        /// Replaces the contents with the word ids of `text` (the words of ``words(_:)``).
        func setWords(_ text: String, _ interner: WordInterner) {
            withUTF8(text) { p in
                let out = storage.reserve(p.count)
                var k = 0
                forEachWord(p) { range in
                    out[k] = interner.id(p, range)
                    k += 1
                }
                count = k
            }
        }

        /// Replaces the contents with the character ids of `text` (the scalars of ``characters(_:)``).
        func setCharacters(_ text: String, _ interner: inout ScalarInterner) {
            withUTF8(text) { p in
                let out = storage.reserve(p.count)
                var k = 0
                forEachCharacter(p) { v in
                    out[k] = interner.id(v)
                    k += 1
                }
                count = k
            }
        }
    }
}
