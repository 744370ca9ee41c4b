import GroundworkMetrics
import Testing

/// jiwer alignment chunk: [type, ref_start, ref_end, hyp_start, hyp_end].
struct RawChunk: Decodable, Sendable {
    let chunk: AlignmentChunk
    init(from decoder: any Decoder) throws {
        var c = try decoder.unkeyedContainer()
        let type = try c.decode(String.self)
        let r0 = try c.decode(Int.self), r1 = try c.decode(Int.self), h0 = try c.decode(Int.self), h1 = try c.decode(Int.self)
        guard let op = EditOperation(rawValue: type) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "unknown chunk type \(type)")
        }
        chunk = AlignmentChunk(op, reference: r0..<r1, hypothesis: h0..<h1)
    }
}

struct WordCase: NamedCase {
    struct Expected: Decodable, Sendable {
        let wer: Double, mer: Double, wil: Double, wip: Double
        let hits: Int, substitutions: Int, deletions: Int, insertions: Int
        let alignments: [[RawChunk]]
        let reference_words: [[String]], hypothesis_words: [[String]]
    }
    let name: String
    let references: [String], hypotheses: [String]
    let expected: Expected
}

struct CharCase: NamedCase {
    struct Expected: Decodable, Sendable {
        let cer: Double
        let hits: Int, substitutions: Int, deletions: Int, insertions: Int
        let alignments: [[RawChunk]]?
    }
    let name: String
    let references: [String], hypotheses: [String]
    let expected: Expected
}

func sameScalars(_ a: [String], _ b: [String]) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { $0.unicodeScalars.elementsEqual($1.unicodeScalars) }
}

struct TranscriptionTests {
    @Test("word measures and alignment match jiwer", arguments: try Fixtures.cases("wer.json", as: WordCase.self))
    func wordsMatchJiwer(_ c: WordCase) throws {
        let s = try Transcription.wordScores(references: c.references, hypotheses: c.hypotheses)
        let e = c.expected
        expectClose(s.errorRate, e.wer, "wer")
        expectClose(s.mer, e.mer, "mer")
        expectClose(s.wil, e.wil, "wil")
        expectClose(s.wip, e.wip, "wip")
        #expect([s.hits, s.substitutions, s.deletions, s.insertions] == [e.hits, e.substitutions, e.deletions, e.insertions])
        #expect(s.alignments == e.alignments.map { $0.map(\.chunk) })
        expectClose(try Transcription.wordErrorRate(references: c.references, hypotheses: c.hypotheses), e.wer, "distance-only wer")
        for (i, r) in c.references.enumerated() {
            #expect(sameScalars(Transcription.words(r), e.reference_words[i]))
        }
        for (i, h) in c.hypotheses.enumerated() {
            #expect(sameScalars(Transcription.words(h), e.hypothesis_words[i]))
        }
    }

    @Test("character measures and alignment match jiwer", arguments: try Fixtures.cases("cer.json", as: CharCase.self))
    func charactersMatchJiwer(_ c: CharCase) throws {
        let s = try Transcription.characterScores(references: c.references, hypotheses: c.hypotheses)
        let e = c.expected
        expectClose(s.errorRate, e.cer, "cer")
        #expect([s.hits, s.substitutions, s.deletions, s.insertions] == [e.hits, e.substitutions, e.deletions, e.insertions])
        if let al = e.alignments {
            #expect(s.alignments == al.map { $0.map(\.chunk) })
        }
        expectClose(try Transcription.characterErrorRate(references: c.references, hypotheses: c.hypotheses), e.cer, "distance-only cer")
    }

    @Test("single-pair conveniences agree with the batch functions")
    func singlePair() {
        #expect(Transcription.wordErrorRate(reference: "the cat sat", hypothesis: "the cat sat down") == 1.0 / 3.0)
        #expect(Transcription.characterErrorRate(reference: "kitten", hypothesis: "sitting") == 0.5)
        #expect(Transcription.levenshteinDistance(Array("kitten"), Array("sitting")) == 3)
        #expect(Transcription.levenshteinDistance([Int](), [1, 2]) == 2)
    }

    @Test("mismatched batch sizes throw")
    func batchSizes() {
        #expect(throws: MetricsError.self) { try Transcription.wordScores(references: ["a"], hypotheses: []) }
        #expect(throws: MetricsError.self) { try Transcription.characterErrorRate(references: [], hypotheses: ["a"]) }
    }

    @Test("normalisation lowercases, strips punctuation and tags, drops fillers and collapses whitespace")
    func normalization() {
        let options = TranscriptNormalization(fillerWords: TranscriptNormalization.englishFillers)
        #expect(
            Transcription.normalize("  Um, Hello [inaudible] WORLD!\tDon't <noise> stop…  ", options: options) == "hello world dont stop")
        #expect(Transcription.normalize("Hello, World", options: TranscriptNormalization(lowercase: false)) == "Hello World")
        #expect(Transcription.normalize("a [unclosed tag") == "a unclosed tag")
        #expect(Transcription.normalize("Ünïcödé — ok") == "ünïcödé ok")
        #expect(Transcription.normalize("") == "")
        #expect(Transcription.normalize("keep [tags]", options: TranscriptNormalization(removeBracketedTags: false)) == "keep tags")
    }

    @Test("distance-only WER handles long transcripts quickly")
    func longTranscript() throws {
        let words = (0..<5000).map { "w\($0 % 97)" }
        let hyp = words.enumerated().map { $0.offset % 10 == 0 ? "x" : $0.element }
        let wer = try Transcription.wordErrorRate(references: [words.joined(separator: " ")], hypotheses: [hyp.joined(separator: " ")])
        expectClose(wer, 0.1, "wer")
    }
}
