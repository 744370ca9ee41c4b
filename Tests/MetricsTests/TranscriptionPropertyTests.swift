import GroundworkMetrics
import TestSupport
import Testing

/// Plain O(n·m) Levenshtein distance (the definition).
func plainLevenshtein<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
    if a.isEmpty { return b.count }
    var row = Array(0...b.count)
    for i in 1...a.count {
        var diag = row[0]
        row[0] = i
        for j in stride(from: 1, through: b.count, by: 1) {
            let up = row[j]
            row[j] = min(diag + (a[i - 1] == b[j - 1] ? 0 : 1), min(up, row[j - 1]) + 1)
            diag = up
        }
    }
    return row[b.count]
}

/// rapidfuzz 3.x `Levenshtein.opcodes` computed the slow, obvious way: full integer matrices,
/// rapidfuzz's backtrace and its Hirschberg split (smallest reference position in 0...len1
/// minimising the cost through the middle hypothesis token).
enum ReferenceAlignment {
    struct Op {
        var kind: EditOperation
        var src: Int
        var dest: Int
    }

    static func chunks(_ a: [Int], _ b: [Int]) -> [AlignmentChunk] {
        var ops: [Op] = []
        hirschberg(a[...], b[...], 0, 0, max(a.count, b.count), &ops)
        return opcodes(ops, a.count, b.count)
    }

    static func hirschberg(_ s1In: ArraySlice<Int>, _ s2In: ArraySlice<Int>, _ srcIn: Int, _ destIn: Int, _ maxIn: Int, _ ops: inout [Op]) {
        var s1 = s1In, s2 = s2In, prefix = 0
        while let x = s1.first, let y = s2.first, x == y {
            s1 = s1.dropFirst()
            s2 = s2.dropFirst()
            prefix += 1
        }
        while let x = s1.last, let y = s2.last, x == y {
            s1 = s1.dropLast()
            s2 = s2.dropLast()
        }
        let src = srcIn + prefix, dest = destIn + prefix
        let len1 = s1.count, len2 = s2.count
        let maxD = min(maxIn, max(len1, len2))
        let band = min(len1, 2 * maxD + 1)
        if 2 * band * len2 / 8 < 1024 * 1024 || len1 < 65 || len2 < 10 {
            full(Array(s1), Array(s2), src, dest, &ops)
            return
        }
        let a = Array(s1), b = Array(s2), half = len2 / 2
        let left = column(a, Array(b[..<half])), right = column(Array(a.reversed()), Array(b[half...].reversed()))
        var best = Int.max, mid = 0
        for i in 0...len1 where left[i] + right[len1 - i] < best {
            best = left[i] + right[len1 - i]
            mid = i
        }
        hirschberg(a[..<mid], b[..<half], src, dest, left[mid], &ops)
        hirschberg(a[mid...], b[half...], src + mid, dest + half, right[len1 - mid], &ops)
    }

    /// `D[i][b.count]` for every `i` (unsafe buffers: this runs unoptimised in debug tests).
    static func column(_ a: [Int], _ b: [Int]) -> [Int] {
        var col = Array(0...a.count)
        let n = a.count
        col.withUnsafeMutableBufferPointer { c in
            a.withUnsafeBufferPointer { x in
                for (j, y) in b.enumerated() {
                    var diag = c[0]
                    c[0] = j + 1
                    var i = 1
                    while i <= n {
                        let up = c[i]
                        c[i] = min(diag + (x[i - 1] == y ? 0 : 1), min(up, c[i - 1]) + 1)
                        diag = up
                        i += 1
                    }
                }
            }
        }
        return col
    }

    static func full(_ s1: [Int], _ s2: [Int], _ src: Int, _ dest: Int, _ ops: inout [Op]) {
        let len1 = s1.count, len2 = s2.count, w = len1 + 1
        // d[row * w + col]: distance of s1[..<col] and s2[..<row]
        var d = [Int](repeating: 0, count: (len2 + 1) * w)
        d.withUnsafeMutableBufferPointer { m in
            s1.withUnsafeBufferPointer { x in
                s2.withUnsafeBufferPointer { y in
                    for col in 0...len1 { m[col] = col }
                    var row = 1
                    while row <= len2 {
                        m[row * w] = row
                        var col = 1
                        while col <= len1 {
                            let sub = m[(row - 1) * w + col - 1] + (x[col - 1] == y[row - 1] ? 0 : 1)
                            m[row * w + col] = min(sub, min(m[(row - 1) * w + col], m[row * w + col - 1]) + 1)
                            col += 1
                        }
                        row += 1
                    }
                }
            }
        }
        func delta(_ row: Int, _ col: Int) -> Int { d[row * w + col] - d[row * w + col - 1] }
        var rev: [Op] = []
        var col = len1, row = len2
        while row != 0 && col != 0 {
            if delta(row, col) == 1 {
                col -= 1
                rev.append(Op(kind: .delete, src: col + src, dest: row + dest))
            } else {
                row -= 1
                if row != 0 && delta(row, col) == -1 {
                    rev.append(Op(kind: .insert, src: col + src, dest: row + dest))
                } else {
                    col -= 1
                    if s1[col] != s2[row] { rev.append(Op(kind: .substitute, src: col + src, dest: row + dest)) }
                }
            }
        }
        while col != 0 {
            col -= 1
            rev.append(Op(kind: .delete, src: col + src, dest: row + dest))
        }
        while row != 0 {
            row -= 1
            rev.append(Op(kind: .insert, src: col + src, dest: row + dest))
        }
        ops.append(contentsOf: rev.reversed())
    }

    static func opcodes(_ ops: [Op], _ srcLen: Int, _ destLen: Int) -> [AlignmentChunk] {
        var out: [AlignmentChunk] = []
        var src = 0, dest = 0, i = 0
        while i < ops.count {
            if src < ops[i].src || dest < ops[i].dest {
                out.append(AlignmentChunk(.equal, reference: src..<ops[i].src, hypothesis: dest..<ops[i].dest))
                src = ops[i].src
                dest = ops[i].dest
            }
            let s0 = src, d0 = dest, kind = ops[i].kind
            while i < ops.count && ops[i].kind == kind && src == ops[i].src && dest == ops[i].dest {
                if kind != .insert { src += 1 }
                if kind != .delete { dest += 1 }
                i += 1
            }
            out.append(AlignmentChunk(kind, reference: s0..<src, hypothesis: d0..<dest))
        }
        if src < srcLen || dest < destLen {
            out.append(AlignmentChunk(.equal, reference: src..<srcLen, hypothesis: dest..<destLen))
        }
        return out
    }
}

/// A reference sequence over `alphabet` symbols and a hypothesis derived from it with
/// substitutions, deletions and insertions at `rate`, sometimes with a long inserted or deleted
/// block, sometimes unrelated.
func randomPair(_ rng: inout SplitMix64, length: Int, alphabet: Int) -> ([Int], [Int]) {
    let a = (0..<length).map { _ in rng.int(alphabet) }
    if rng.int(10) == 0 { return (a, (0..<rng.int(length + 1)).map { _ in rng.int(alphabet) }) }
    let rate = [0.02, 0.1, 0.3, 0.6][rng.int(4)]
    var b: [Int] = []
    for x in a {
        let u = rng.unit()
        if u < rate * 0.4 {
            b.append(rng.int(alphabet))
        } else if u < rate * 0.7 {
            continue
        } else if u < rate {
            b.append(x)
            b.append(rng.int(alphabet))
        } else {
            b.append(x)
        }
    }
    if rng.int(8) == 0 {
        let block = (0..<rng.int(length / 2 + 1)).map { _ in alphabet + rng.int(2) }
        b.insert(contentsOf: block, at: rng.int(b.count + 1))
    }
    if rng.int(8) == 0 && b.count > 4 {
        let s = rng.int(b.count / 2)
        b.removeSubrange(s..<(s + rng.int(b.count - s)))
    }
    return rng.int(2) == 0 ? (a, b) : (b, a)
}

/// Checks that `chunks` is a valid alignment of `a` and `b` costing `distance`.
func expectValidAlignment<T: Equatable>(_ chunks: [AlignmentChunk], _ a: [T], _ b: [T], distance: Int) {
    var i = 0, j = 0, cost = 0
    for c in chunks {
        #expect(c.referenceRange.lowerBound == i && c.hypothesisRange.lowerBound == j)
        switch c.operation {
        case .equal:
            #expect(c.referenceRange.count == c.hypothesisRange.count)
            #expect(zip(c.referenceRange, c.hypothesisRange).allSatisfy { a[$0] == b[$1] })
        case .substitute:
            #expect(c.referenceRange.count == c.hypothesisRange.count)
            #expect(zip(c.referenceRange, c.hypothesisRange).allSatisfy { a[$0] != b[$1] })
            cost += c.referenceRange.count
        case .delete:
            #expect(c.hypothesisRange.isEmpty)
            cost += c.referenceRange.count
        case .insert:
            #expect(c.referenceRange.isEmpty)
            cost += c.hypothesisRange.count
        }
        i = c.referenceRange.upperBound
        j = c.hypothesisRange.upperBound
    }
    #expect(i == a.count && j == b.count)
    #expect(cost == distance)
}

/// The "words" of a string as `words(_:)` used to compute them, scalar by scalar.
func referenceWords(_ text: String) -> [[UInt32]] {
    func isSpace(_ v: UInt32) -> Bool {
        switch v {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
    let s = text.unicodeScalars.map(\.value)
    var collapsed: [UInt32] = []
    var i = 0
    while i < s.count {
        if isSpace(s[i]) {
            var j = i
            while j < s.count && isSpace(s[j]) { j += 1 }
            collapsed.append(j - i >= 2 ? 0x20 : s[i])
            i = j
        } else {
            collapsed.append(s[i])
            i += 1
        }
    }
    while let f = collapsed.first, isSpace(f) { collapsed.removeFirst() }
    while let l = collapsed.last, isSpace(l) { collapsed.removeLast() }
    return collapsed.split(separator: 0x20, omittingEmptySubsequences: true).map(Array.init)
}

struct TranscriptionPropertyTests {
    @Test("bit-parallel distance equals the plain DP on random sequences (lengths 0–300, small alphabets)")
    func distanceMatchesPlainDP() {
        var rng = SplitMix64(seed: 1)
        for _ in 0..<300 {
            let (a, b) = randomPair(&rng, length: rng.int(301), alphabet: 1 + rng.int(5))
            #expect(Transcription.levenshteinDistance(a, b) == plainLevenshtein(a, b), "\(a) \(b)")
        }
        // strings: Character tokens, through the generic path
        for _ in 0..<50 {
            let (a, b) = randomPair(&rng, length: rng.int(200), alphabet: 3)
            let x = a.map { Character(Unicode.Scalar(UInt8(97 + $0))) }, y = b.map { Character(Unicode.Scalar(UInt8(97 + $0))) }
            #expect(Transcription.levenshteinDistance(x, y) == plainLevenshtein(x, y))
        }
    }

    @Test("bit-parallel distance equals the plain DP on long random sequences (banded)")
    func longDistanceMatchesPlainDP() {
        var rng = SplitMix64(seed: 2)
        for k in 0..<6 {
            let (a, b) = randomPair(&rng, length: 1100 + rng.int(600), alphabet: k < 4 ? 2 + k : 26)
            #expect(Transcription.levenshteinDistance(a, b) == plainLevenshtein(a, b))
        }
        // equal lengths: a distance inside the first narrow band, then one needing a wider band
        for rate in [0.03, 0.3] {
            let a = (0..<1600).map { _ in rng.int(4) }
            var b = a
            for k in b.indices where rng.unit() < rate { b[k] = rng.int(4) }
            b.removeSubrange(100..<(100 + rng.int(20)))
            b.insert(contentsOf: [7, 7, 7], at: 900)
            #expect(Transcription.levenshteinDistance(a, b) == plainLevenshtein(a, b))
            let al = Transcription.align(reference: a, hypothesis: b)
            #expect(al.chunks == ReferenceAlignment.chunks(a, b))
        }
    }

    @Test("alignment equals the full-matrix rapidfuzz reference on random sequences")
    func alignmentMatchesReference() {
        var rng = SplitMix64(seed: 3)
        for k in 0..<215 {
            let length = k < 200 ? rng.int(301) : 300 + rng.int(900)
            let (a, b) = randomPair(&rng, length: length, alphabet: 1 + rng.int(5))
            let got = Transcription.align(reference: a, hypothesis: b)
            #expect(got.chunks == ReferenceAlignment.chunks(a, b), "\(a.count) × \(b.count)")
            expectValidAlignment(got.chunks, a, b, distance: got.distance)
        }
    }

    @Test("alignment equals the reference on inputs long enough for the Hirschberg split")
    func hirschbergMatchesReference() {
        var rng = SplitMix64(seed: 4)
        for alphabet in [2, 3, 6] {
            let (a, b) = randomPair(&rng, length: 2100 + rng.int(300), alphabet: alphabet)
            let got = Transcription.align(reference: a, hypothesis: b)
            #expect(got.chunks == ReferenceAlignment.chunks(a, b), "\(a.count) × \(b.count)")
            #expect(got.distance == Transcription.levenshteinDistance(a, b))
        }
    }

    @Test("optimal paths far from the diagonal (a long insertion, later a long deletion) stay inside the band")
    func pathsFarFromTheDiagonal() {
        var rng = SplitMix64(seed: 7)
        for (n, insertAt, deleteAt, length) in [(1700, 300, 1200, 250), (3000, 500, 2000, 400)] {
            let a = (0..<n).map { _ in rng.int(4) }
            var b =
                Array(a[..<insertAt]) + Array(repeating: 9, count: length) + Array(a[insertAt..<deleteAt])
                + Array(a[(deleteAt + length)...])
            for k in b.indices where rng.int(25) == 0 { b[k] = rng.int(4) }
            for (x, y) in [(a, b), (b, a)] {
                #expect(Transcription.levenshteinDistance(x, y) == plainLevenshtein(x, y))
                let al = Transcription.align(reference: x, hypothesis: y)
                #expect(al.chunks == ReferenceAlignment.chunks(x, y), "\(n) \(length)")
            }
        }
    }

    @Test("the Hirschberg split can fall before the first reference character (jiwer 4.0 / rapidfuzz 3.14)")
    func hirschbergSplitAtZero() throws {
        // LCG string over "abc"; the hypothesis starts with 1600 inserted characters, so the
        // cheapest path crosses the middle hypothesis token before any reference character.
        var x: UInt64 = 7
        let reference = String(
            (0..<1500).map { _ -> Character in
                x = (x &* 1_103_515_245 &+ 12345) % (1 << 31)
                return Array("abc")[Int((x >> 16) % 3)]
            })
        let hypothesis = String(repeating: "x", count: 1600) + reference.dropLast() + "y"
        let s = try Transcription.characterScores(references: [reference], hypotheses: [hypothesis])
        #expect([s.hits, s.substitutions, s.deletions, s.insertions] == [1499, 1, 0, 1600])
        #expect(
            s.alignments == [
                [
                    AlignmentChunk(.insert, reference: 0..<0, hypothesis: 0..<1600),
                    AlignmentChunk(.equal, reference: 0..<1499, hypothesis: 1600..<3099),
                    AlignmentChunk(.substitute, reference: 1499..<1500, hypothesis: 3099..<3100),
                ]
            ])
        let inserted = String(reference.prefix(700)) + String(repeating: "z", count: 1900) + String(reference.dropFirst(700))
        let t = try Transcription.characterScores(references: [reference], hypotheses: [inserted])
        #expect(
            t.alignments == [
                [
                    AlignmentChunk(.equal, reference: 0..<700, hypothesis: 0..<700),
                    AlignmentChunk(.insert, reference: 700..<700, hypothesis: 700..<2600),
                    AlignmentChunk(.equal, reference: 700..<1500, hypothesis: 2600..<3400),
                ]
            ])
    }

    @Test("long transcripts: distance-only rates agree with the alignments")
    func longTranscripts() throws {
        var rng = SplitMix64(seed: 5)
        let vocabulary = (0..<3000).map { k in
            String((0..<(1 + k % 9)).map { _ in Character(Unicode.Scalar(UInt8(97 + rng.int(18)))) }) + (k % 50 == 0 ? "é" : "")
        }
        var references: [String] = [], hypotheses: [String] = []
        for rate in [0.03, 0.15, 0.35] {
            let ref = (0..<2500).map { _ in vocabulary[min(rng.int(3000), rng.int(3000))] }
            var hyp: [String] = []
            for w in ref {
                let u = rng.unit()
                if u < rate * 0.5 {
                    hyp.append(vocabulary[rng.int(3000)])
                } else if u < rate * 0.75 {
                    continue
                } else if u < rate {
                    hyp += [w, vocabulary[rng.int(3000)]]
                } else {
                    hyp.append(w)
                }
            }
            references.append(ref.joined(separator: " "))
            hypotheses.append(hyp.joined(separator: rng.int(2) == 0 ? " " : "  "))
        }
        let chars = try Transcription.characterScores(references: references, hypotheses: hypotheses)
        #expect(chars.errorRate == (try Transcription.characterErrorRate(references: references, hypotheses: hypotheses)))
        let words = try Transcription.wordScores(references: references, hypotheses: hypotheses)
        #expect(words.errorRate == (try Transcription.wordErrorRate(references: references, hypotheses: hypotheses)))
        for k in references.indices {
            let a = Transcription.characters(references[k]).map(\.value), b = Transcription.characters(hypotheses[k]).map(\.value)
            expectValidAlignment(chars.alignments[k], a, b, distance: Transcription.levenshteinDistance(a, b))
            let wa = referenceWords(references[k]), wb = referenceWords(hypotheses[k])
            expectValidAlignment(words.alignments[k], wa, wb, distance: Transcription.levenshteinDistance(wa, wb))
        }
    }

    @Test("patterns with many distinct tokens (compact pattern tables) align and measure exactly")
    func manyDistinctTokens() {
        let n = 20000
        let a = Array(0..<n)
        // every 7th token replaced by a new one: the only optimal alignment substitutes them
        let b = a.map { $0 % 7 == 3 ? n + $0 : $0 }
        let substitutions = a.filter { $0 % 7 == 3 }.count
        #expect(Transcription.levenshteinDistance(a, b) == substitutions)
        let al = Transcription.align(reference: a, hypothesis: b)
        #expect([al.hits, al.substitutions, al.deletions, al.insertions] == [n - substitutions, substitutions, 0, 0])
        #expect(al.chunks.count == 2 * substitutions + 1)
        expectValidAlignment(al.chunks, a, b, distance: substitutions)
        // dropping every 13th token instead: deletions only
        let c = a.filter { $0 % 13 != 5 }
        let deletions = n - c.count
        #expect(Transcription.levenshteinDistance(a, c) == deletions)
        let dl = Transcription.align(reference: a, hypothesis: c)
        #expect([dl.hits, dl.substitutions, dl.deletions, dl.insertions] == [c.count, 0, deletions, 0])
    }

    @Test("words of every length up to 20 bytes, sharing long prefixes, are told apart by content")
    func wordIdentity() throws {
        // a two-letter alphabet makes many words share their first 8 bytes and differ later;
        // thousands of distinct words make the word table grow several times
        var rng = SplitMix64(seed: 41)
        func word() -> String { String((0..<(1 + rng.int(20))).map { _ in rng.int(2) == 0 ? "a" : "é" }.joined().prefix(20)) }
        let vocabulary = (0..<3000).map { _ in word() }
        let references = (0..<40).map { _ in (0..<(1 + rng.int(120))).map { _ in vocabulary[rng.int(vocabulary.count)] } }
        let hypotheses = references.map { $0.map { rng.int(4) == 0 ? vocabulary[rng.int(vocabulary.count)] : $0 } }
        let s = try Transcription.wordScores(
            references: references.map { $0.joined(separator: " ") }, hypotheses: hypotheses.map { $0.joined(separator: " ") })
        let expected = zip(references, hypotheses).map { Transcription.align(reference: $0, hypothesis: $1).chunks }
        #expect(s.alignments == expected)
    }

    @Test("tokenisation follows jiwer's whitespace rules (Python str.isspace, runs, lone tabs)")
    func tokenisation() throws {
        #expect(Transcription.words(" \u{3000}a\tb  c\u{2028}\u{85}d e\u{A0} ") == ["a\tb", "c", "d", "e"])
        #expect(Transcription.words("\ta b\t") == ["a", "b"])
        #expect(Transcription.words("\u{1F}x\u{1C}y") == ["x\u{1C}y"])
        #expect(Transcription.words("") == [] && Transcription.words(" \t\n ") == [])
        #expect(Transcription.characters("\u{205F} a\u{2009}é\u{301} \u{3000}").map(\.value) == [0x61, 0x2009, 0xE9, 0x301])
        let pieces = [
            "a", "b", "é", "e\u{301}", "👋🏽", " ", " ", "  ", "\t", "\n", "\u{A0}", "\u{3000}", "\u{2028}", "\u{85}", "\u{1F}", "\u{200B}",
        ]
        var rng = SplitMix64(seed: 6)
        for _ in 0..<400 {
            let text = (0..<rng.int(16)).map { _ in pieces[rng.int(pieces.count)] }.joined()
            let words = Transcription.words(text)
            #expect(words.map { $0.unicodeScalars.map(\.value) } == referenceWords(text), "\(text.unicodeScalars.map(\.value))")
            // the batch functions tokenise the same way, comparing words by code points
            let other = (0..<rng.int(16)).map { _ in pieces[rng.int(pieces.count)] }.joined()
            let s = try Transcription.wordScores(references: [text], hypotheses: [other])
            let expected = Transcription.align(reference: referenceWords(text), hypothesis: referenceWords(other))
            #expect(s.alignments == [expected.chunks])
            expectClose(try Transcription.wordErrorRate(references: [text], hypotheses: [other]), s.errorRate, "wer")
            let c = try Transcription.characterScores(references: [text], hypotheses: [other])
            let ca = Transcription.characters(text).map(\.value), cb = Transcription.characters(other).map(\.value)
            #expect(c.alignments == [Transcription.align(reference: ca, hypothesis: cb).chunks])
            #expect(c.substitutions + c.deletions + c.insertions == plainLevenshtein(ca, cb))
        }
    }

    @Test("normalisation in one pass equals its steps done one after the other")
    func normalizationSteps() {
        let pieces = [
            "a", "Z", "é", "É", "e\u{301}", "ß", "İ", "Σ", "ǅ", "👋🏽", " ", "  ", "\t", "\n", "\u{A0}", "\u{3000}", "\u{85}",
            "\u{200B}", ",", ".", "'", "!", "—", "…", "«", "_", "$", "+", "<", ">", "[", "]", "um", "Um", "UH", "x<y>z",
            // lowercase takes more bytes than these had (2 → 3): the output buffer grows
            "ȺİȺİȺİȺİ", "Ⱥ",
        ]
        let options = [
            TranscriptNormalization(),
            TranscriptNormalization(lowercase: false),
            TranscriptNormalization(removePunctuation: false, removeBracketedTags: false),
            TranscriptNormalization(fillerWords: TranscriptNormalization.englishFillers),
            TranscriptNormalization(lowercase: false, removePunctuation: false, fillerWords: ["um", "Z"]),
        ]
        var rng = SplitMix64(seed: 16)
        for _ in 0..<600 {
            let text = (0..<rng.int(20)).map { _ in pieces[rng.int(pieces.count)] }.joined()
            for o in options {
                #expect(Transcription.normalize(text, options: o) == stepByStepNormalize(text, o), "\(text.unicodeScalars.map(\.value))")
            }
        }
    }
}

/// ``Transcription/normalize(_:options:)``'s documented steps, each on a whole `String`.
private func stepByStepNormalize(_ text: String, _ options: TranscriptNormalization) -> String {
    var scalars = Array(text.unicodeScalars)
    if options.removeBracketedTags {
        var out: [Unicode.Scalar] = []
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == "[" || c == "<", let j = scalars[(i + 1)...].firstIndex(of: c == "[" ? "]" : ">") {
                out.append(" ")
                i = j + 1
                continue
            }
            out.append(c)
            i += 1
        }
        scalars = out
    }
    var s = String(String.UnicodeScalarView(scalars))
    if options.lowercase { s = s.lowercased() }
    if options.removePunctuation {
        let punctuation: Set<Unicode.GeneralCategory> = [
            .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation,
            .otherPunctuation,
        ]
        s = String(String.UnicodeScalarView(s.unicodeScalars.filter { !punctuation.contains($0.properties.generalCategory) }))
    }
    let words = s.unicodeScalars.split { isPythonSpace($0.value) }
        .map { String(String.UnicodeScalarView($0)) }
        .filter { !options.fillerWords.contains($0) }
    return words.joined(separator: " ")
}

/// Python's `str.isspace()` set.
private func isPythonSpace(_ v: UInt32) -> Bool {
    switch v {
    case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
    default: return false
    }
}
