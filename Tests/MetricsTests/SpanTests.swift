import GroundworkMetrics
import Testing

struct SeqevalCase: NamedCase {
    struct PerType: Decodable, Sendable { let type: String; let precision: Double; let recall: Double; let f1: Double; let support: Int }
    struct Averages: Decodable, Sendable { let precision: Num; let recall: Num; let f1: Num }
    struct Expected: Decodable, Sendable {
        let precision: Double, recall: Double, f1: Double
        let per_type: [PerType]
        let gold_entities: [[Entity]]
        let predicted_entities: [[Entity]]
        let macro: Averages, weighted: Averages
    }
    /// seqeval entities are JSON arrays [type, first, last].
    enum Entity: Decodable, Sendable {
        case text(String), int(Int)
        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let i = try? c.decode(Int.self) { self = .int(i) } else { self = .text(try c.decode(String.self)) }
        }
    }
    let name: String
    let gold: [[String]], predicted: [[String]]
    let expected: Expected
}

/// A strict-mode case: `expected` is absent when seqeval refused the tags (`error`).
struct SeqevalStrictCase: NamedCase {
    let name: String
    let gold: [[String]], predicted: [[String]]
    let expected: SeqevalCase.Expected?
    let error: String?
}

func tagEntities(_ raw: [[SeqevalCase.Entity]]) -> [TagEntity] {
    raw.compactMap { e in
        guard e.count == 3, case let .text(t) = e[0], case let .int(a) = e[1], case let .int(b) = e[2] else { return nil }
        return TagEntity(type: t, first: a, last: b)
    }
}

struct NervaluateCase: NamedCase {
    struct Scheme: Decodable, Sendable {
        let correct: Int, incorrect: Int, partial: Int, missed: Int, spurious: Int, possible: Int, actual: Int
        let precision: Double, recall: Double, f1: Double
    }
    struct Expected: Decodable, Sendable {
        let overall: [String: Scheme]
        let entities: [String: [String: Scheme]]
    }
    let name: String
    let tags: [String]
    let min_overlap_percentage: Double
    let gold: [[[SeqevalCase.Entity]]], predicted: [[[SeqevalCase.Entity]]]
    let expected: Expected

    static func spans(_ docs: [[[SeqevalCase.Entity]]]) -> [[Span]] {
        docs.map { doc in
            doc.compactMap { s in
                guard s.count == 3, case let .int(a) = s[0], case let .int(b) = s[1], case let .text(l) = s[2] else { return nil }
                return Span(start: a, end: b, label: l)
            }
        }
    }
}

struct UnicodeOffsetCase: NamedCase {
    struct Surface: Decodable, Sendable { let surface: String; let start: Int; let end: Int }
    let name: String
    let text: String
    let scalar_count: Int
    let spans: [Surface]
}

func expectScheme(_ got: NERSchemeScores, _ want: NervaluateCase.Scheme, _ what: String) {
    #expect(got.correct == want.correct, "\(what) correct")
    #expect(got.incorrect == want.incorrect, "\(what) incorrect")
    #expect(got.partial == want.partial, "\(what) partial")
    #expect(got.missed == want.missed, "\(what) missed")
    #expect(got.spurious == want.spurious, "\(what) spurious")
    #expect(got.possible == want.possible, "\(what) possible")
    #expect(got.actual == want.actual, "\(what) actual")
    expectClose(got.precision, want.precision, "\(what) precision")
    expectClose(got.recall, want.recall, "\(what) recall")
    expectClose(got.f1, want.f1, "\(what) f1")
}

/// First occurrence of `needle` in `text`, compared scalar by scalar (Python's `str.find`).
func scalarRange(of needle: String, in text: String) -> Range<String.Index>? {
    let hay = text.unicodeScalars, pin = Array(needle.unicodeScalars)
    var i = hay.startIndex
    while i != hay.endIndex {
        var j = i, k = 0
        while k < pin.count, j != hay.endIndex, hay[j] == pin[k] { j = hay.index(after: j); k += 1 }
        if k == pin.count { return i..<j }
        i = hay.index(after: i)
    }
    return nil
}

struct SpanTests {
    @Test("seqeval entity scores match seqeval", arguments: try Fixtures.cases("seqeval.json", as: SeqevalCase.self))
    func seqevalMatches(_ c: SeqevalCase) throws {
        expectSeqeval(try SpanScoring.seqeval(gold: c.gold, predicted: c.predicted), c.expected)
        #expect(try SpanScoring.seqevalEntities(c.gold) == tagEntities(c.expected.gold_entities))
        #expect(try SpanScoring.seqevalEntities(c.predicted) == tagEntities(c.expected.predicted_entities))
    }

    @Test(
        "seqeval strict IOB2 scores match seqeval mode='strict'",
        arguments: try Fixtures.cases("seqeval_strict_iob2.json", as: SeqevalStrictCase.self))
    func seqevalStrictMatches(_ c: SeqevalStrictCase) throws {
        guard let e = c.expected else {
            #expect(throws: MetricsError.self) { try SpanScoring.seqevalStrictIOB2(gold: c.gold, predicted: c.predicted) }
            return
        }
        expectSeqeval(try SpanScoring.seqevalStrictIOB2(gold: c.gold, predicted: c.predicted), e)
        #expect(try SpanScoring.seqevalStrictIOB2Entities(c.gold) == tagEntities(e.gold_entities))
        #expect(try SpanScoring.seqevalStrictIOB2Entities(c.predicted) == tagEntities(e.predicted_entities))
    }

    private func expectSeqeval(_ s: SeqevalScores, _ e: SeqevalCase.Expected, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(s.truePositives + s.falseNegatives == e.per_type.reduce(0) { $0 + $1.support })
        expectClose(s.precision, e.precision, "precision")
        expectClose(s.recall, e.recall, "recall")
        expectClose(s.f1, e.f1, "f1")
        #expect(s.perType.map(\.type) == e.per_type.map(\.type))
        for (got, want) in zip(s.perType, e.per_type) {
            expectClose(got.precision, want.precision, "\(want.type) precision")
            expectClose(got.recall, want.recall, "\(want.type) recall")
            expectClose(got.f1, want.f1, "\(want.type) f1")
            #expect(got.support == want.support)
        }
        expectClose(s.macro.f1, e.macro.f1.value, "macro f1")
        expectClose(s.macro.precision, e.macro.precision.value, "macro precision")
        expectClose(s.macro.recall, e.macro.recall.value, "macro recall")
        expectClose(s.weighted.f1, e.weighted.f1.value, "weighted f1")
        expectClose(s.weighted.precision, e.weighted.precision.value, "weighted precision")
        expectClose(s.weighted.recall, e.weighted.recall.value, "weighted recall")
    }

    @Test("nervaluate schemes match nervaluate", arguments: try Fixtures.cases("nervaluate.json", as: NervaluateCase.self))
    func nervaluateMatches(_ c: NervaluateCase) throws {
        let r = try SpanScoring.nervaluate(
            gold: NervaluateCase.spans(c.gold), predicted: NervaluateCase.spans(c.predicted),
            tags: c.tags, minOverlapPercentage: c.min_overlap_percentage)
        func check(_ s: NERSchemes, _ want: [String: NervaluateCase.Scheme], _ prefix: String) {
            if want.isEmpty {
                // nervaluate returns nothing for zero documents; we return all-zero scores.
                #expect(s == NERSchemes())
                return
            }
            for (key, got) in [("strict", s.strict), ("exact", s.exact), ("partial", s.partial), ("ent_type", s.entType)] {
                guard let w = want[key] else { Issue.record("missing \(key)"); continue }
                expectScheme(got, w, "\(prefix) \(key)")
            }
        }
        check(r.overall, c.expected.overall, "overall")
        #expect(Set(r.perType.keys) == Set(c.expected.entities.keys))
        for (type, want) in c.expected.entities {
            check(r.perType[type] ?? NERSchemes(), want, type)
        }
    }

    @Test("nervaluate without a tag list evaluates every label present")
    func nervaluateDefaultTags() throws {
        let gold = [[Span(start: 0, end: 3, label: "A"), Span(start: 4, end: 6, label: "B")]]
        let r = try SpanScoring.nervaluate(gold: gold, predicted: gold)
        #expect(r.overall.strict.correct == 2)
        #expect(Set(r.perType.keys) == ["A", "B"])
    }

    @Test(
        "span offsets count Unicode scalars as Python does",
        arguments: try Fixtures.cases("unicode_offsets.json", as: UnicodeOffsetCase.self))
    func unicodeOffsets(_ c: UnicodeOffsetCase) throws {
        #expect(c.text.unicodeScalars.count == c.scalar_count)
        for s in c.spans {
            let range = try #require(scalarRange(of: s.surface, in: c.text))
            let span = Span(range, in: c.text, label: "X")
            #expect(span.start == s.start && span.end == s.end, "\(s.surface)")
            #expect(
                try SpanScoring.substring(c.text, scalarStart: s.start, end: s.end).unicodeScalars.elementsEqual(s.surface.unicodeScalars))
        }
    }

    @Test("malformed spans and tag sequences throw")
    func badInputThrows() {
        #expect(throws: MetricsError.self) { try SpanScoring.seqeval(gold: [["O", "B-X"]], predicted: [["O"]]) }
        #expect(throws: MetricsError.self) { try SpanScoring.seqeval(gold: [["O"]], predicted: [["O"], ["O"]]) }
        #expect(throws: MetricsError.self) { try SpanScoring.seqeval(gold: [[""]], predicted: [["O"]]) }
        #expect(throws: MetricsError.self) { try SpanScoring.nervaluate(gold: [[Span(start: 3, end: 3, label: "A")]], predicted: [[]]) }
        #expect(throws: MetricsError.self) { try SpanScoring.nervaluate(gold: [[Span(start: -1, end: 3, label: "A")]], predicted: [[]]) }
        #expect(throws: MetricsError.self) { try SpanScoring.nervaluate(gold: [[]], predicted: [[]], minOverlapPercentage: 0) }
        #expect(throws: MetricsError.self) { try SpanScoring.nervaluate(gold: [[]], predicted: []) }
        #expect(throws: MetricsError.self) { try SpanScoring.substring("abc", scalarStart: 2, end: 9) }
    }

    @Test("no sentences scores like sentences without entities")
    func noSentences() throws {
        let s = try SpanScoring.seqeval(gold: [], predicted: [])
        #expect(s.f1 == 0 && s.precision == 0 && s.recall == 0 && s.perType.isEmpty)
    }
}
