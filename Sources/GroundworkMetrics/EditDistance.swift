/// Transcription scores — WER, CER, MER, WIL, WIP — and the edit alignment behind them,
/// as jiwer 4.0 computes them (jiwer delegates the alignment to rapidfuzz 3.x
/// `Levenshtein.opcodes`, whose tie-breaking is reproduced here).
public enum Transcription {}

/// Kind of an alignment chunk (jiwer's `AlignmentChunk.type`).
public enum EditOperation: String, Sendable, Hashable {
    case equal, substitute, insert, delete
}

/// A run of one edit operation: reference tokens `referenceRange` turn into hypothesis
/// tokens `hypothesisRange` (jiwer's `ref_start_idx..<ref_end_idx`, `hyp_start_idx..<hyp_end_idx`).
public struct AlignmentChunk: Sendable, Hashable {
    public var operation: EditOperation
    public var referenceRange: Range<Int>
    public var hypothesisRange: Range<Int>

    /// Creates the value from its parts (no validation beyond the types).
    public init(_ operation: EditOperation, reference: Range<Int>, hypothesis: Range<Int>) {
        self.operation = operation
        self.referenceRange = reference
        self.hypothesisRange = hypothesis
    }
}

/// The alignment of one reference/hypothesis pair and its operation counts.
public struct EditAlignment: Sendable, Equatable {
    public var chunks: [AlignmentChunk]
    public var hits: Int
    public var substitutions: Int
    public var deletions: Int
    public var insertions: Int

    /// Levenshtein distance: `substitutions + deletions + insertions`.
    public var distance: Int { substitutions + deletions + insertions }
}

/// jiwer's `process_words` / `process_characters` output for a batch of sentence pairs.
///
/// With `H, S, D, I` summed over all pairs, `N = H + S + D` reference tokens and
/// `P = H + S + I` hypothesis tokens:
/// - `errorRate` (WER or CER) = `(S + D + I) / N`; when `N = 0` jiwer returns `I` itself
///   (a count, not a rate — reference convention kept as is);
/// - `mer` = `(S + D + I) / (N + I)`; `N = 0`: 0 if `P = 0` else 1;
/// - `wip` = `(H / N) · (H / P)`, 0 when `P = 0`; `N = 0`: 1 if `P = 0` else 0;
/// - `wil` = `1 − wip`.
/// MER, WIL, WIP and the counts depend on which optimal alignment is chosen; rapidfuzz's
/// choice is reproduced (see ``Transcription/align(reference:hypothesis:)``).
public struct TranscriptionScores: Sendable, Equatable {
    public var errorRate: Double
    public var mer: Double
    public var wil: Double
    public var wip: Double
    public var hits: Int
    public var substitutions: Int
    public var deletions: Int
    public var insertions: Int
    /// One alignment per sentence pair.
    public var alignments: [[AlignmentChunk]]
}

extension Transcription {
    // MARK: Tokenisation (jiwer's default transforms)

    /// Python's `str.isspace()` set, which `re`'s `\s` and `str.strip()` use.
    static func isPythonSpace(_ v: UInt32) -> Bool {
        switch v {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// Words exactly as jiwer's default `wer_default` transform produces them:
    /// `RemoveMultipleSpaces` (every run of two or more whitespace characters becomes one
    /// space), `Strip`, then split on U+0020 dropping empty strings. Whitespace is Python's
    /// (`str.isspace`). Note that a *single* tab or newline between words is not a separator
    /// in jiwer, so `"a\tb"` is one word; normalise first (``normalize(_:options:)``).
    public static func words(_ text: String) -> [String] {
        withUTF8(text) { p in
            var out: [String] = []
            forEachWord(p) { out.append(String(decoding: UnsafeBufferPointer(rebasing: p[$0]), as: UTF8.self)) }
            return out
        }
    }

    /// Characters as jiwer's default `cer_default` transform produces them: `Strip`
    /// (Python whitespace) then one token per Unicode scalar (Python code point) — so a
    /// combining accent or an emoji ZWJ sequence counts as several characters, and inner
    /// spaces count.
    public static func characters(_ text: String) -> [Unicode.Scalar] {
        withUTF8(text) { p in
            var out: [Unicode.Scalar] = []
            forEachCharacter(p) { v in
                if let u = Unicode.Scalar(v) { out.append(u) }
            }
            return out
        }
    }

    // MARK: Scores

    /// WER of a batch: total Levenshtein distance over total reference words (jiwer
    /// `wer(references, hypotheses)`); when there are no reference words, the number of
    /// hypothesis words (jiwer's convention). Distance only, no alignment (bit-parallel, see
    /// ``levenshteinDistance(_:_:)``).
    ///
    /// - Throws: ``MetricsError`` if the batch sizes differ.
    public static func wordErrorRate(references: [String], hypotheses: [String]) throws(MetricsError) -> Double {
        try requireSameLength(references.count, hypotheses.count, "references and hypotheses")
        let interner = WordInterner()
        let engine = LevenshteinEngine(alphabet: 1024)
        let a = TokenBuffer(), b = TokenBuffer()
        var dist = 0, n = 0, p = 0
        for (r, h) in zip(references, hypotheses) {
            a.setWords(r, interner)
            b.setWords(h, interner)
            engine.reserveAlphabet(interner.count)
            dist += engine.distance(a.tokens, b.tokens)
            n += a.count
            p += b.count
        }
        return n == 0 ? Double(p) : Double(dist) / Double(n)
    }

    /// WER of one pair; see ``wordErrorRate(references:hypotheses:)``.
    public static func wordErrorRate(reference: String, hypothesis: String) -> Double {
        (try? wordErrorRate(references: [reference], hypotheses: [hypothesis])) ?? .nan
    }

    /// CER of a batch: total Levenshtein distance over total reference characters (Unicode
    /// scalars after stripping, see ``characters(_:)``), jiwer `cer`; when the references are
    /// empty, the number of hypothesis characters. Distance only, no alignment (bit-parallel,
    /// as ``wordErrorRate(references:hypotheses:)``).
    ///
    /// - Throws: ``MetricsError`` if the batch sizes differ.
    public static func characterErrorRate(references: [String], hypotheses: [String]) throws(MetricsError) -> Double {
        try requireSameLength(references.count, hypotheses.count, "references and hypotheses")
        var interner = ScalarInterner()
        let engine = LevenshteinEngine(alphabet: 256)
        let a = TokenBuffer(), b = TokenBuffer()
        var dist = 0, n = 0, p = 0
        for (r, h) in zip(references, hypotheses) {
            a.setCharacters(r, &interner)
            b.setCharacters(h, &interner)
            engine.reserveAlphabet(interner.count)
            dist += engine.distance(a.tokens, b.tokens)
            n += a.count
            p += b.count
        }
        return n == 0 ? Double(p) : Double(dist) / Double(n)
    }

    /// CER of one pair; see ``characterErrorRate(references:hypotheses:)``.
    public static func characterErrorRate(reference: String, hypothesis: String) -> Double {
        (try? characterErrorRate(references: [reference], hypotheses: [hypothesis])) ?? .nan
    }

    /// jiwer 4.0 `process_words(references, hypotheses)` with its default transform:
    /// WER, MER, WIL, WIP, counts and per-pair alignment (see ``TranscriptionScores``).
    /// Words are compared by code points (no Unicode normalisation, like Python).
    ///
    /// - Throws: ``MetricsError`` if the batch sizes differ.
    public static func wordScores(references: [String], hypotheses: [String]) throws(MetricsError) -> TranscriptionScores {
        try requireSameLength(references.count, hypotheses.count, "references and hypotheses")
        let interner = WordInterner()
        let engine = LevenshteinEngine(alphabet: 1024)
        let a = TokenBuffer(), b = TokenBuffer()
        var totals = ScoreTotals(capacity: references.count)
        for (r, h) in zip(references, hypotheses) {
            a.setWords(r, interner)
            b.setWords(h, interner)
            engine.reserveAlphabet(interner.count)
            totals.add(engine.align(a.tokens, b.tokens), a.count, b.count)
        }
        return totals.scores()
    }

    /// jiwer 4.0 `process_characters(references, hypotheses)`: CER (as `errorRate`), the
    /// other measures computed the same way on characters, counts and alignment.
    ///
    /// - Throws: ``MetricsError`` if the batch sizes differ.
    public static func characterScores(references: [String], hypotheses: [String]) throws(MetricsError) -> TranscriptionScores {
        try requireSameLength(references.count, hypotheses.count, "references and hypotheses")
        var interner = ScalarInterner()
        let engine = LevenshteinEngine(alphabet: 256)
        let a = TokenBuffer(), b = TokenBuffer()
        var totals = ScoreTotals(capacity: references.count)
        for (r, h) in zip(references, hypotheses) {
            a.setCharacters(r, &interner)
            b.setCharacters(h, &interner)
            engine.reserveAlphabet(interner.count)
            totals.add(engine.align(a.tokens, b.tokens), a.count, b.count)
        }
        return totals.scores()
    }

    /// Sums of the per-pair alignments of a batch.
    private struct ScoreTotals {
        var h = 0, s = 0, d = 0, ins = 0, n = 0, p = 0
        var alignments: [[AlignmentChunk]] = []

        init(capacity: Int) { alignments.reserveCapacity(capacity) }

        mutating func add(_ a: EditAlignment, _ referenceCount: Int, _ hypothesisCount: Int) {
            h += a.hits
            s += a.substitutions
            d += a.deletions
            ins += a.insertions
            n += referenceCount
            p += hypothesisCount
            alignments.append(a.chunks)
        }

        func scores() -> TranscriptionScores {
            let errorRate: Double, mer: Double, wip: Double
            if n == 0 {
                errorRate = Double(ins)
                mer = p == 0 ? 0 : 1
                wip = p == 0 ? 1 : 0
            } else {
                errorRate = Double(s + d + ins) / Double(h + s + d)
                mer = Double(s + d + ins) / Double(h + s + d + ins)
                wip = p >= 1 ? (Double(h) / Double(n)) * (Double(h) / Double(p)) : 0
            }
            return TranscriptionScores(
                errorRate: errorRate, mer: mer, wil: 1 - wip, wip: wip,
                hits: h, substitutions: s, deletions: d, insertions: ins,
                alignments: alignments)
        }
    }

    // MARK: Distance

    /// Levenshtein distance (unit costs): tokens are interned to integers, the common prefix
    /// and suffix are stripped, and the bit-parallel algorithm of Myers (1999) in Hyyrö's
    /// formulation runs over 64-token blocks of the shorter sequence (length m ≤ n). Long
    /// inputs use an Ukkonen band: a narrow band first gives an upper bound (usually the
    /// distance itself), then the band of that bound, which holds every optimal path, gives
    /// the exact value — about O(n·⌈min(m, d + |m − n|)/64⌉) time for a distance d, O(m)
    /// memory, no alignment.
    public static func levenshteinDistance<T: Hashable>(_ a: [T], _ b: [T]) -> Int {
        let (x, y, alphabet) = denseIDs(a, b)
        let engine = LevenshteinEngine(alphabet: alphabet)
        return x.withUnsafeBufferPointer { p in y.withUnsafeBufferPointer { q in engine.distance(p, q) } }
    }

    /// Dense ids of two sequences of any hashable tokens (equal tokens, equal ids).
    private static func denseIDs<T: Hashable>(_ a: [T], _ b: [T]) -> (a: [Int32], b: [Int32], alphabet: Int) {
        var ids: [T: Int32] = [:]
        func id(_ t: T) -> Int32 {
            if let v = ids[t] { return v }
            let v = Int32(ids.count)
            ids[t] = v
            return v
        }
        let x = a.map(id), y = b.map(id)
        return (x, y, ids.count)
    }

    // MARK: Alignment (rapidfuzz's Levenshtein.editops / opcodes)

    /// The alignment rapidfuzz 3.x `Levenshtein.opcodes(reference, hypothesis)` returns
    /// (and jiwer reports), with counts.
    ///
    /// rapidfuzz strips the common prefix and suffix, fills the Levenshtein matrix and walks
    /// back from the end preferring, at each cell, a deletion when the cell exceeds the one
    /// above it, else an insertion when the cell to the left is exceeded by its upper
    /// neighbour, else the diagonal (a substitution if the tokens differ). For very large
    /// inputs (`2·band·m/8 ≥ 2²⁰` with `n ≥ 65`, `m ≥ 10`) it first splits the problem with
    /// Hirschberg's method at the smallest reference position minimising the cost through the
    /// middle hypothesis token; both steps are reproduced. Consecutive operations of the same
    /// kind merge into one chunk; matches between them become `equal` chunks.
    /// The matrix is bit-parallel (two bits per cell, within an Ukkonen band around the optimal
    /// paths; the choices are those of the full matrix), so memory stays below about 1 MiB per
    /// (sub)problem plus O(n + m); ``levenshteinDistance(_:_:)`` never builds it.
    public static func align<T: Hashable>(reference: [T], hypothesis: [T]) -> EditAlignment {
        let (x, y, alphabet) = denseIDs(reference, hypothesis)
        let engine = LevenshteinEngine(alphabet: alphabet)
        return x.withUnsafeBufferPointer { p in y.withUnsafeBufferPointer { q in engine.align(p, q) } }
    }
}
