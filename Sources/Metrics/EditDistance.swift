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

    private static func strip(_ s: [UInt32]) -> ArraySlice<UInt32> {
        var lo = 0, hi = s.count
        while lo < hi && isPythonSpace(s[lo]) { lo += 1 }
        while hi > lo && isPythonSpace(s[hi - 1]) { hi -= 1 }
        return s[lo..<hi]
    }

    /// Words exactly as jiwer's default `wer_default` transform produces them:
    /// `RemoveMultipleSpaces` (every run of two or more whitespace characters becomes one
    /// space), `Strip`, then split on U+0020 dropping empty strings. Whitespace is Python's
    /// (`str.isspace`). Note that a *single* tab or newline between words is not a separator
    /// in jiwer, so `"a\tb"` is one word; normalise first (``normalize(_:options:)``).
    public static func words(_ text: String) -> [String] {
        let scalars = text.unicodeScalars.map(\.value)
        var collapsed: [UInt32] = []
        collapsed.reserveCapacity(scalars.count)
        var i = 0
        while i < scalars.count {
            if isPythonSpace(scalars[i]) {
                var j = i
                while j < scalars.count && isPythonSpace(scalars[j]) { j += 1 }
                if j - i >= 2 { collapsed.append(0x20) } else { collapsed.append(scalars[i]) }
                i = j
            } else {
                collapsed.append(scalars[i])
                i += 1
            }
        }
        var out: [String] = []
        var current = String.UnicodeScalarView()
        for v in strip(collapsed) {
            if v == 0x20 {
                if !current.isEmpty { out.append(String(current)); current = String.UnicodeScalarView() }
            } else if let u = Unicode.Scalar(v) {
                current.append(u)
            }
        }
        if !current.isEmpty { out.append(String(current)) }
        return out
    }

    /// Characters as jiwer's default `cer_default` transform produces them: `Strip`
    /// (Python whitespace) then one token per Unicode scalar (Python code point) — so a
    /// combining accent or an emoji ZWJ sequence counts as several characters, and inner
    /// spaces count.
    public static func characters(_ text: String) -> [Unicode.Scalar] {
        let s = text.unicodeScalars.map(\.value)
        return strip(s).compactMap(Unicode.Scalar.init)
    }

    // MARK: Scores

    /// WER of a batch: total Levenshtein distance over total reference words (jiwer
    /// `wer(references, hypotheses)`); when there are no reference words, the number of
    /// hypothesis words (jiwer's convention). Uses the O(n·m)-time, O(min(n, m))-memory
    /// distance, no alignment.
    ///
    /// - Throws: ``MetricsError`` if the batch sizes differ.
    public static func wordErrorRate(references: [String], hypotheses: [String]) throws(MetricsError) -> Double {
        try requireSameLength(references.count, hypotheses.count, "references and hypotheses")
        var interner = Interner()
        var dist = 0, n = 0, p = 0
        for (r, h) in zip(references, hypotheses) {
            let a = words(r).map { Int32(interner.id($0)) }, b = words(h).map { Int32(interner.id($0)) }
            dist += distance(a, b); n += a.count; p += b.count
        }
        return n == 0 ? Double(p) : Double(dist) / Double(n)
    }

    /// WER of one pair; see ``wordErrorRate(references:hypotheses:)``.
    public static func wordErrorRate(reference: String, hypothesis: String) -> Double {
        (try? wordErrorRate(references: [reference], hypotheses: [hypothesis])) ?? .nan
    }

    /// CER of a batch: total Levenshtein distance over total reference characters (Unicode
    /// scalars after stripping, see ``characters(_:)``), jiwer `cer`; when the references are
    /// empty, the number of hypothesis characters. Distance only, no alignment.
    ///
    /// - Throws: ``MetricsError`` if the batch sizes differ.
    public static func characterErrorRate(references: [String], hypotheses: [String]) throws(MetricsError) -> Double {
        try requireSameLength(references.count, hypotheses.count, "references and hypotheses")
        var dist = 0, n = 0, p = 0
        for (r, h) in zip(references, hypotheses) {
            let a = characters(r).map { Int32(bitPattern: $0.value) }, b = characters(h).map { Int32(bitPattern: $0.value) }
            dist += distance(a, b); n += a.count; p += b.count
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
        var interner = Interner()
        let refs = references.map { words($0).map { interner.id($0) } }
        let hyps = hypotheses.map { words($0).map { interner.id($0) } }
        return scores(refs, hyps)
    }

    /// jiwer 4.0 `process_characters(references, hypotheses)`: CER (as `errorRate`), the
    /// other measures computed the same way on characters, counts and alignment.
    ///
    /// - Throws: ``MetricsError`` if the batch sizes differ.
    public static func characterScores(references: [String], hypotheses: [String]) throws(MetricsError) -> TranscriptionScores {
        try requireSameLength(references.count, hypotheses.count, "references and hypotheses")
        return scores(references.map { characters($0).map(\.value) }, hypotheses.map { characters($0).map(\.value) })
    }

    private static func scores<T: Hashable>(_ refs: [[T]], _ hyps: [[T]]) -> TranscriptionScores {
        var h = 0, s = 0, d = 0, ins = 0, n = 0, p = 0
        var alignments: [[AlignmentChunk]] = []
        for (r, y) in zip(refs, hyps) {
            let a = align(reference: r, hypothesis: y)
            h += a.hits; s += a.substitutions; d += a.deletions; ins += a.insertions
            n += r.count; p += y.count
            alignments.append(a.chunks)
        }
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

    // MARK: Distance

    /// Levenshtein distance (unit costs) in O(n·m) time and O(min(n, m)) memory: tokens are
    /// interned to integers, the common prefix and suffix are stripped, and one row of the
    /// matrix is kept (no alignment is built).
    public static func levenshteinDistance<T: Hashable>(_ a: [T], _ b: [T]) -> Int {
        var ids: [T: Int32] = [:]
        func id(_ t: T) -> Int32 {
            if let v = ids[t] { return v }
            let v = Int32(ids.count)
            ids[t] = v
            return v
        }
        let x = a.map(id), y = b.map(id)
        return distance(x, y)
    }

    /// Single-row Levenshtein distance on integer tokens.
    static func distance(_ a: [Int32], _ b: [Int32]) -> Int {
        var lo = 0
        var hiA = a.count, hiB = b.count
        while lo < hiA && lo < hiB && a[lo] == b[lo] { lo += 1 }
        while hiA > lo && hiB > lo && a[hiA - 1] == b[hiB - 1] { hiA -= 1; hiB -= 1 }
        var x = a[lo..<hiA], y = b[lo..<hiB]
        if x.count < y.count { swap(&x, &y) }
        if y.isEmpty { return x.count }
        let m = y.count
        var row = [Int32](repeating: 0, count: m + 1)
        for j in 0...m { row[j] = Int32(j) }
        y.withUnsafeBufferPointer { ys in
            row.withUnsafeMutableBufferPointer { r in
                var i: Int32 = 0
                for xe in x {
                    i += 1
                    var diag = r[0]
                    r[0] = i
                    var left = i
                    for j in 1...m {
                        let up = r[j]
                        var v = diag &+ (xe == ys[j - 1] ? 0 : 1)
                        let w = (up < left ? up : left) &+ 1
                        if w < v { v = w }
                        r[j] = v
                        left = v
                        diag = up
                    }
                }
            }
        }
        return Int(row[m])
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
    /// Memory: one byte per matrix cell of a (sub)problem, so the full matrix is only built
    /// here, never for ``levenshteinDistance(_:_:)``.
    public static func align<T: Hashable>(reference: [T], hypothesis: [T]) -> EditAlignment {
        var ops: [RawOp] = []
        alignHirschberg(
            reference[...], hypothesis[...], srcPos: 0, destPos: 0,
            max: Swift.max(reference.count, hypothesis.count), ops: &ops)
        let chunks = opcodes(ops, srcLen: reference.count, destLen: hypothesis.count)
        var h = 0, s = 0, d = 0, i = 0
        for c in chunks {
            switch c.operation {
            case .equal: h += c.referenceRange.count
            case .substitute: s += c.referenceRange.count
            case .delete: d += c.referenceRange.count
            case .insert: i += c.hypothesisRange.count
            }
        }
        return EditAlignment(chunks: chunks, hits: h, substitutions: s, deletions: d, insertions: i)
    }

    struct RawOp {
        var kind: EditOperation
        var src: Int
        var dest: Int
    }

    private static func alignHirschberg<T: Equatable>(
        _ s1In: ArraySlice<T>, _ s2In: ArraySlice<T>, srcPos srcIn: Int, destPos destIn: Int, max maxIn: Int, ops: inout [RawOp]
    ) {
        var s1 = s1In, s2 = s2In
        var prefix = 0
        while !s1.isEmpty && !s2.isEmpty && s1.first == s2.first { s1 = s1.dropFirst(); s2 = s2.dropFirst(); prefix += 1 }
        while !s1.isEmpty && !s2.isEmpty && s1.last == s2.last { s1 = s1.dropLast(); s2 = s2.dropLast() }
        let srcPos = srcIn + prefix, destPos = destIn + prefix
        let len1 = s1.count, len2 = s2.count
        let maxD = Swift.min(maxIn, Swift.max(len1, len2))
        let fullBand = Swift.min(len1, 2 * maxD + 1)
        let matrixSize = 2 * fullBand * len2 / 8
        if matrixSize < 1024 * 1024 || len1 < 65 || len2 < 10 {
            alignFull(Array(s1), Array(s2), srcPos: srcPos, destPos: destPos, ops: &ops)
            return
        }
        let a = Array(s1), b = Array(s2)
        let leftSize = len2 / 2
        // left[i] = dist(a[..<i], b[..<leftSize]); right[i] = dist(a[i...], b[leftSize...])
        let left = lastColumn(a, b[0..<leftSize])
        let right = lastColumn(Array(a.reversed()), Array(b[leftSize...].reversed())[...])
        var best = Int.max, mid = 1, leftScore = 0, rightScore = 0
        for s1Mid in 1...len1 {
            let total = left[s1Mid] + right[len1 - s1Mid]
            if total < best { best = total; mid = s1Mid; leftScore = left[s1Mid]; rightScore = right[len1 - s1Mid] }
        }
        alignHirschberg(a[0..<mid], b[0..<leftSize], srcPos: srcPos, destPos: destPos, max: leftScore, ops: &ops)
        alignHirschberg(a[mid...], b[leftSize...], srcPos: srcPos + mid, destPos: destPos + leftSize, max: rightScore, ops: &ops)
    }

    /// `D[i][b.count]` for every prefix length `i` of `a` (one DP column per element of `b`).
    private static func lastColumn<T: Equatable>(_ a: [T], _ b: ArraySlice<T>) -> [Int] {
        var col = Array(0...a.count)
        var j = 0
        for be in b {
            j += 1
            var diag = col[0]
            col[0] = j
            if a.isEmpty { continue }
            for i in 1...a.count {
                let up = col[i]
                let sub = a[i - 1] == be ? diag : diag + 1
                col[i] = Swift.min(sub, Swift.min(up, col[i - 1]) + 1)
                diag = up
            }
        }
        return col
    }

    /// rapidfuzz's `levenshtein_align` + `recover_alignment` on the full matrix.
    private static func alignFull<T: Equatable>(_ s1: [T], _ s2: [T], srcPos: Int, destPos: Int, ops: inout [RawOp]) {
        let len1 = s1.count, len2 = s2.count
        if len1 + len2 == 0 { return }
        // vertical delta D[col][row] - D[col-1][row] for col in 1...len1, row in 1...len2
        var delta = [Int8](repeating: 0, count: len1 * len2)
        if len1 > 0 && len2 > 0 {
            var prev = Array(0...len1)
            var cur = [Int](repeating: 0, count: len1 + 1)
            for row in 1...len2 {
                cur[0] = row
                let c2 = s2[row - 1]
                let base = (row - 1) * len1
                for col in 1...len1 {
                    let sub = prev[col - 1] + (s1[col - 1] == c2 ? 0 : 1)
                    cur[col] = Swift.min(sub, Swift.min(prev[col], cur[col - 1]) + 1)
                    delta[base + col - 1] = Int8(cur[col] - cur[col - 1])
                }
                swap(&prev, &cur)
            }
        }
        func vertical(_ col: Int, _ row: Int) -> Int8 { row == 0 ? 1 : delta[(row - 1) * len1 + col - 1] }
        var rev: [RawOp] = []
        var col = len1, row = len2
        while row != 0 && col != 0 {
            if vertical(col, row) == 1 {
                col -= 1
                rev.append(RawOp(kind: .delete, src: col + srcPos, dest: row + destPos))
            } else {
                row -= 1
                if row != 0 && vertical(col, row) == -1 {
                    rev.append(RawOp(kind: .insert, src: col + srcPos, dest: row + destPos))
                } else {
                    col -= 1
                    if s1[col] != s2[row] {
                        rev.append(RawOp(kind: .substitute, src: col + srcPos, dest: row + destPos))
                    }
                }
            }
        }
        while col != 0 { col -= 1; rev.append(RawOp(kind: .delete, src: col + srcPos, dest: row + destPos)) }
        while row != 0 { row -= 1; rev.append(RawOp(kind: .insert, src: col + srcPos, dest: row + destPos)) }
        ops.append(contentsOf: rev.reversed())
    }

    /// rapidfuzz's `Editops.as_opcodes()`.
    private static func opcodes(_ ops: [RawOp], srcLen: Int, destLen: Int) -> [AlignmentChunk] {
        var blocks: [AlignmentChunk] = []
        var src = 0, dest = 0, i = 0
        while i < ops.count {
            if src < ops[i].src || dest < ops[i].dest {
                blocks.append(AlignmentChunk(.equal, reference: src..<ops[i].src, hypothesis: dest..<ops[i].dest))
                src = ops[i].src; dest = ops[i].dest
            }
            let srcBegin = src, destBegin = dest, kind = ops[i].kind
            while i < ops.count && ops[i].kind == kind && src == ops[i].src && dest == ops[i].dest {
                switch kind {
                case .substitute: src += 1; dest += 1
                case .insert: dest += 1
                case .delete: src += 1
                case .equal: break
                }
                i += 1
            }
            blocks.append(AlignmentChunk(kind, reference: srcBegin..<src, hypothesis: destBegin..<dest))
        }
        if src < srcLen || dest < destLen {
            blocks.append(AlignmentChunk(.equal, reference: src..<srcLen, hypothesis: dest..<destLen))
        }
        return blocks
    }

    /// Maps words to small integers, comparing by code points (Python string equality).
    struct Interner {
        var ids: [[UInt32]: Int] = [:]
        mutating func id(_ w: String) -> Int {
            let key = w.unicodeScalars.map(\.value)
            if let v = ids[key] { return v }
            let v = ids.count
            ids[key] = v
            return v
        }
    }
}
