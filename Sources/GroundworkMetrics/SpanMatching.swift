/// Entity-level scoring of text spans: seqeval (from BIO tag sequences) and nervaluate
/// (strict / exact / partial / ent_type schemes from character-offset spans).
public enum SpanScoring {}

/// A labelled span of text, `[start, end)` in Unicode scalar values (code points), the way
/// Python indexes `str` — not Swift `Character`s (grapheme clusters).
public struct Span: Sendable, Hashable {
    public var start: Int
    public var end: Int
    public var label: String

    /// A span from scalar offsets; the scoring functions reject empty or negative spans.
    public init(start: Int, end: Int, label: String) {
        self.start = start
        self.end = end
        self.label = label
    }

    /// The span covering `range` of `text`, with offsets counted in Unicode scalars.
    public init(_ range: Range<String.Index>, in text: String, label: String) {
        let r = SpanScoring.scalarOffsets(of: range, in: text)
        self.init(start: r.lowerBound, end: r.upperBound, label: label)
    }
}

/// An entity decoded from a tag sequence as seqeval's `get_entities` returns it:
/// `type`, first and last token index (inclusive) in the concatenation of all sentences,
/// each sentence followed by one `"O"` separator.
public struct TagEntity: Sendable, Hashable {
    public var type: String
    public var first: Int
    public var last: Int

    /// Creates the value from its parts (no validation beyond the types).
    public init(type: String, first: Int, last: Int) {
        self.type = type
        self.first = first
        self.last = last
    }
}

/// Per-type scores of ``SeqevalScores``.
public struct EntityTypeScores: Sendable, Equatable {
    public var type: String
    public var precision: Double
    public var recall: Double
    public var f1: Double
    /// Number of gold entities of this type.
    public var support: Int
}

/// Entity-level scores as seqeval 1.2.2 computes them (default mode, zero_division=0).
public struct SeqevalScores: Sendable, Equatable {
    /// Micro average (seqeval's default for `precision_score`, `recall_score`, `f1_score`).
    public var precision: Double
    public var recall: Double
    public var f1: Double
    /// Gold entities, predicted entities and exact (type, first, last) matches over all types.
    public var goldCount: Int
    public var predictedCount: Int
    public var truePositives: Int
    /// One entry per type seen in gold or prediction, sorted by code points (Python's `sorted`).
    public var perType: [EntityTypeScores]
    /// Unweighted mean over `perType`; NaN when there are no entity types at all (seqeval
    /// averages an empty array — reference value kept).
    public var macro: PrecisionRecallF1
    /// Mean over `perType` weighted by support; (0, 0, 0) when there is no gold entity at all
    /// (seqeval's zero_division=0 rule).
    public var weighted: PrecisionRecallF1
}

/// Counts and scores of one nervaluate scheme.
///
/// `possible = correct + incorrect + partial + missed` (gold entities) and
/// `actual = correct + incorrect + partial + spurious` (predicted entities).
/// strict and exact: `precision = correct / actual`, `recall = correct / possible`;
/// partial and ent_type: `precision = (correct + 0.5·partial) / actual`,
/// `recall = (correct + 0.5·partial) / possible`; each 0 when its denominator is 0;
/// `f1 = 2·p·r / (p + r)`, 0 when `p + r = 0` (so both-empty scores 0, the reference value).
public struct NERSchemeScores: Sendable, Equatable {
    public var correct = 0
    public var incorrect = 0
    public var partial = 0
    public var missed = 0
    public var spurious = 0
    public var possible = 0
    public var actual = 0
    public var precision = 0.0
    public var recall = 0.0
    public var f1 = 0.0

    /// All counts and scores zero.
    public init() {}

    mutating func add(_ o: NERSchemeScores) {
        correct += o.correct; incorrect += o.incorrect; partial += o.partial
        missed += o.missed; spurious += o.spurious
    }

    /// nervaluate's `EvaluationResult.compute_metrics`.
    mutating func computeMetrics(partialOrType: Bool) {
        actual = correct + incorrect + partial + spurious
        possible = correct + incorrect + partial + missed
        let numerator = partialOrType ? Double(correct) + 0.5 * Double(partial) : Double(correct)
        precision = actual > 0 ? numerator / Double(actual) : 0
        recall = possible > 0 ? numerator / Double(possible) : 0
        f1 = (precision + recall) > 0 ? 2 * (precision * recall) / (precision + recall) : 0
    }
}

/// The four nervaluate schemes side by side.
public struct NERSchemes: Sendable, Equatable {
    /// Exact boundaries and same label.
    public var strict = NERSchemeScores()
    /// Exact boundaries, label ignored.
    public var exact = NERSchemeScores()
    /// Overlapping boundaries count half, label ignored.
    public var partial = NERSchemeScores()
    /// Overlapping boundaries and same label.
    public var entType = NERSchemeScores()

    /// All counts and scores zero.
    public init() {}
}

/// nervaluate results: overall and per entity type.
public struct NERScores: Sendable, Equatable {
    public var overall: NERSchemes
    /// One entry per label that occurs in gold or prediction and is among the evaluated tags.
    public var perType: [String: NERSchemes]
}

extension SpanScoring {
    // MARK: Unicode scalar offsets

    /// `[start, end)` of `range` in `text`, counted in Unicode scalars (Python `str` indices).
    public static func scalarOffsets(of range: Range<String.Index>, in text: String) -> Range<Int> {
        let scalars = text.unicodeScalars
        let start = scalars.distance(from: scalars.startIndex, to: range.lowerBound)
        let end = start + scalars.distance(from: range.lowerBound, to: range.upperBound)
        return start..<end
    }

    /// The text between scalar offsets `start` and `end` (Python's `text[start:end]`).
    ///
    /// - Throws: ``MetricsError`` if the offsets are negative, reversed or past the end.
    public static func substring(_ text: String, scalarStart start: Int, end: Int) throws(MetricsError) -> String {
        let scalars = text.unicodeScalars
        guard start >= 0, end >= start else {
            throw MetricsError(.outOfRange, "span [\(start), \(end)) is not a valid range")
        }
        guard let lo = scalars.index(scalars.startIndex, offsetBy: start, limitedBy: scalars.endIndex),
            let hi = scalars.index(lo, offsetBy: end - start, limitedBy: scalars.endIndex)
        else {
            throw MetricsError(.outOfRange, "span [\(start), \(end)) is past the end of a text of \(scalars.count) scalars")
        }
        return String(scalars[lo..<hi])
    }

    // MARK: seqeval

    /// Entities in tag sequences exactly as seqeval 1.2.2 `get_entities(seq)` decodes them
    /// (default, non-strict mode, prefix tags): a tag's first code point is its position
    /// marker (`B`, `I`, `E`, `S`, `O`, …) and its type is the text after the first `-`
    /// following that marker (the whole rest if there is no `-`; `"_"` if empty). A chunk
    /// ends when the previous tag is `E`/`S`, when `B`/`I` is followed by `B`/`S`/`O`, or
    /// when the type changes after a non-`O` tag; it starts on `B`/`S`, on `I`/`E` after
    /// `O`/`E`/`S` (seqeval's `start_of_chunk`), or on a type change after a non-`O` tag. So an
    /// `I-X` without a preceding `B-X` starts an entity. Sentences are concatenated with an
    /// `"O"` after each, so entities never cross sentences; offsets are in that concatenation.
    ///
    /// - Throws: ``MetricsError`` if a tag is the empty string (seqeval raises IndexError).
    public static func seqevalEntities(_ sentences: [[String]]) throws(MetricsError) -> [TagEntity] {
        var decoder = PrefixTagDecoder()
        let outside = try decoder.decode("O", position: 0)
        var previous = outside
        var begin = 0
        var i = 0
        var chunks: [TagEntity] = []
        func step(_ tag: PrefixTagDecoder.Tag) {
            if endOfChunk(previous.marker, tag.marker, previous.typeID != tag.typeID) {
                chunks.append(TagEntity(type: previous.type, first: begin, last: i - 1))
            }
            if startOfChunk(previous.marker, tag.marker, previous.typeID != tag.typeID) { begin = i }
            previous = tag
            i += 1
        }
        for sentence in sentences {
            for chunk in sentence { step(try decoder.decode(chunk, position: i)) }
            step(outside)
        }
        step(outside)
        return chunks
    }

    private static func endOfChunk(_ prevTag: Unicode.Scalar, _ tag: Unicode.Scalar, _ typeChanges: Bool) -> Bool {
        if prevTag == "E" || prevTag == "S" { return true }
        if prevTag == "B" || prevTag == "I" {
            if tag == "B" || tag == "S" || tag == "O" { return true }
        }
        if prevTag != "O" && prevTag != "." && typeChanges { return true }
        return false
    }

    private static func startOfChunk(_ prevTag: Unicode.Scalar, _ tag: Unicode.Scalar, _ typeChanges: Bool) -> Bool {
        if tag == "B" || tag == "S" { return true }
        if (prevTag == "E" || prevTag == "S" || prevTag == "O") && (tag == "E" || tag == "I") { return true }
        if tag != "O" && tag != "." && typeChanges { return true }
        return false
    }

    /// Entity-level precision, recall and F1 exactly as seqeval 1.2.2 computes them
    /// (`precision_score`, `recall_score`, `f1_score` with default mode, micro average,
    /// zero_division=0, plus `average=None/"macro"/"weighted"`).
    ///
    /// Entities come from ``seqevalEntities(_:)``; per type, gold and predicted entities are
    /// *sets* of (first, last); `tp` = size of their intersection. Precision = tp / predicted,
    /// recall = tp / gold (0 on a zero denominator), F1 = 2·p·r / (p + r) (0 when p + r = 0).
    /// Reference convention: no entities in gold nor prediction gives 0, not 1.
    /// No sentences at all (seqeval raises TypeError) scores like sentences without entities.
    ///
    /// - Throws: ``MetricsError`` if the number of sentences or any sentence length differs,
    ///   or a tag is empty.
    public static func seqeval(gold: [[String]], predicted: [[String]]) throws(MetricsError) -> SeqevalScores {
        try requireParallelSentences(gold, predicted)
        return seqevalScores(gold: try seqevalEntities(gold), predicted: try seqevalEntities(predicted))
    }

    static func requireParallelSentences(_ gold: [[String]], _ predicted: [[String]]) throws(MetricsError) {
        try requireSameLength(gold.count, predicted.count, "number of gold and predicted sentences")
        for (i, (g, p)) in zip(gold, predicted).enumerated() where g.count != p.count {
            throw MetricsError(.mismatchedLengths, "sentence \(i): \(g.count) gold tags but \(p.count) predicted tags")
        }
    }

    /// seqeval's scoring of decoded entities (shared by the default and strict modes).
    static func seqevalScores(gold: [TagEntity], predicted: [TagEntity]) -> SeqevalScores {
        let goldByType = EntityBounds.byType(gold), predByType = EntityBounds.byType(predicted)
        let types = Set(goldByType.keys).union(predByType.keys).sorted(by: scalarLess)
        var perType: [EntityTypeScores] = []
        var tpSum = 0, predSum = 0, trueSum = 0
        for t in types {
            let g = goldByType[t] ?? EntityBounds(), p = predByType[t] ?? EntityBounds()
            let tp = g.intersectionCount(p)
            tpSum += tp; predSum += p.count; trueSum += g.count
            let s = seqevalPRF(tp: tp, predicted: p.count, gold: g.count)
            perType.append(EntityTypeScores(type: t, precision: s.precision, recall: s.recall, f1: s.f1, support: g.count))
        }
        let micro = seqevalPRF(tp: tpSum, predicted: predSum, gold: trueSum)
        var macro = PrecisionRecallF1(precision: .nan, recall: .nan, f1: .nan)
        var weighted = PrecisionRecallF1(precision: 0, recall: 0, f1: 0)
        if !perType.isEmpty {
            let k = Double(perType.count)
            macro = PrecisionRecallF1(
                precision: perType.reduce(0) { $0 + $1.precision } / k,
                recall: perType.reduce(0) { $0 + $1.recall } / k,
                f1: perType.reduce(0) { $0 + $1.f1 } / k)
        }
        if trueSum > 0 {
            let w = Double(trueSum)
            weighted = PrecisionRecallF1(
                precision: perType.reduce(0) { $0 + $1.precision * Double($1.support) } / w,
                recall: perType.reduce(0) { $0 + $1.recall * Double($1.support) } / w,
                f1: perType.reduce(0) { $0 + $1.f1 * Double($1.support) } / w)
        }
        return SeqevalScores(
            precision: micro.precision, recall: micro.recall, f1: micro.f1,
            goldCount: trueSum, predictedCount: predSum, truePositives: tpSum,
            perType: perType, macro: macro, weighted: weighted)
    }

    private static func seqevalPRF(tp: Int, predicted: Int, gold: Int) -> PrecisionRecallF1 {
        let p = divideOrZero(Double(tp), Double(predicted))
        let r = divideOrZero(Double(tp), Double(gold))
        let denom = p + r
        return PrecisionRecallF1(precision: p, recall: r, f1: denom == 0 ? 0 : 2 * p * r / denom)
    }

    // MARK: nervaluate

    /// nervaluate 1.2.1 `Evaluator(true, pred, tags, loader="dict",
    /// min_overlap_percentage=…).evaluate()`: the strict, exact, partial and ent_type schemes,
    /// overall and per entity type, summed over documents.
    ///
    /// Spans are half-open `[start, end)`; nervaluate's `end` is inclusive, so each span is
    /// passed as `end - 1` (adjacent spans such as [0,5) and [5,9) do not overlap).
    /// Two spans overlap enough when `100·(min(end) − max(start)) / (gold length)` is at least
    /// `minOverlapPercentage` (nervaluate's `_calculate_overlap_percentage`).
    /// Per document, each scheme walks the predictions in order and, for each, the gold
    /// entities not yet used, in order (nervaluate's greedy rules):
    /// - strict: same boundaries and label → correct (stop); else the first sufficiently
    ///   overlapping gold → incorrect; else spurious.
    /// - exact: same boundaries → correct (stop); else first overlap → incorrect; else spurious.
    /// - partial: overlapping with same boundaries → correct (stop); else first overlap →
    ///   partial; else spurious.
    /// - ent_type: among overlapping gold of the same label the one with the smallest
    ///   |Δstart| + |Δend| (first on ties) → correct; else the first overlapping gold of another
    ///   label → incorrect; else spurious.
    /// Gold entities left unused are missed. Only spans whose label is in `tags` take part
    /// (`tags == nil` means every label present); per-type results evaluate each label alone.
    /// Scores are then computed as in ``NERSchemeScores``. No documents at all scores zeros.
    ///
    /// - Throws: ``MetricsError`` if document counts differ, a span is empty or negative, or
    ///   `minOverlapPercentage` is outside [1, 100] (nervaluate raises ValueError too).
    public static func nervaluate(
        gold: [[Span]], predicted: [[Span]], tags: [String]? = nil, minOverlapPercentage: Double = 1.0
    ) throws(MetricsError) -> NERScores {
        try requireSameLength(gold.count, predicted.count, "number of gold and predicted documents")
        guard minOverlapPercentage >= 1.0, minOverlapPercentage <= 100.0 else {
            throw MetricsError(.outOfRange, "minOverlapPercentage must be between 1 and 100, got \(minOverlapPercentage)")
        }
        for d in gold.indices { for i in gold[d].indices { try validate(gold[d][i], "gold[\(d)][\(i)]") } }
        for d in predicted.indices { for i in predicted[d].indices { try validate(predicted[d][i], "predicted[\(d)][\(i)]") } }
        // Labels become small integer ids once, so that the schemes compare integers; only
        // the evaluated labels' spans are kept, every document's one after the other.
        var labels = LabelIDs()
        let allowed: Set<Int>? = tags.map { Set($0.map { labels.id($0) }) }
        let goldDocs = EntityDocuments(gold, &labels, allowed)
        let predDocs = EntityDocuments(predicted, &labels, allowed)
        var used = Set<Int>()
        for e in goldDocs.entities { used.insert(e.label) }
        for e in predDocs.entities { used.insert(e.label) }
        let types = used.sorted()
        var overall = NERSchemes()
        var perType = [NERSchemes](repeating: NERSchemes(), count: labels.names.count)
        var scratch = SchemeScratch()
        defer { scratch.free() }
        let thr = minOverlapPercentage
        for d in 0..<gold.count {
            goldDocs.withDocument(d) { g in
                predDocs.withDocument(d) { p in
                    tally(&overall, g, p, thr, &scratch)
                    if g.isEmpty && p.isEmpty { return }
                    for t in types {
                        // one label's entities, in order, as nervaluate filters them
                        let (gt, pt) = scratch.filter(g, p, label: t)
                        if gt.isEmpty && pt.isEmpty { continue }
                        tally(&perType[t], gt, pt, thr, &scratch)
                    }
                }
            }
        }
        func finish(_ s: inout NERSchemes) {
            s.strict.computeMetrics(partialOrType: false)
            s.exact.computeMetrics(partialOrType: false)
            s.partial.computeMetrics(partialOrType: true)
            s.entType.computeMetrics(partialOrType: true)
        }
        finish(&overall)
        var byName: [String: NERSchemes] = [:]
        for t in types {
            finish(&perType[t])
            byName[labels.names[t]] = perType[t]
        }
        return NERScores(overall: overall, perType: byName)
    }

    /// Adds one document's counts under all four schemes, so overall and per-type agree.
    private static func tally(
        _ s: inout NERSchemes, _ gold: UnsafeBufferPointer<Entity>, _ pred: UnsafeBufferPointer<Entity>, _ thr: Double,
        _ scratch: inout SchemeScratch
    ) {
        let matched = scratch.matched(gold.count)
        s.strict.add(boundaries(gold, pred, thr, sameLabel: true, matched))
        s.exact.add(boundaries(gold, pred, thr, sameLabel: false, matched))
        s.partial.add(partial(gold, pred, thr, matched))
        s.entType.add(entType(gold, pred, thr, matched))
    }

    private static func validate(_ s: Span, _ what: String) throws(MetricsError) {
        if s.start < 0 { throw MetricsError(.outOfRange, "\(what) starts at \(s.start); offsets must be non-negative") }
        if s.end <= s.start { throw MetricsError(.outOfRange, "\(what) is empty or reversed: [\(s.start), \(s.end))") }
    }

    /// nervaluate's entity with an inclusive end and its label's id.
    struct Entity {
        var label: Int
        var start: Int
        var end: Int
    }

    /// Label ids in order of first appearance (a linear search while they are few).
    private struct LabelIDs {
        var names: [String] = []
        var index: [String: Int] = [:]

        mutating func id(_ name: String) -> Int {
            if names.count <= 16 {
                for (i, n) in names.enumerated() where n == name { return i }
            } else if let i = index[name] {
                return i
            }
            names.append(name)
            index[name] = names.count - 1
            return names.count - 1
        }
    }

    /// The evaluated entities of every document in one array, document `d` at
    /// `offsets[d]..<offsets[d + 1]`.
    private struct EntityDocuments {
        var entities: [Entity] = []
        var offsets: [Int] = [0]

        init(_ documents: [[Span]], _ labels: inout LabelIDs, _ allowed: Set<Int>?) {
            offsets.reserveCapacity(documents.count + 1)
            for doc in documents {
                for s in doc {
                    let id = labels.id(s.label)
                    if let allowed, !allowed.contains(id) { continue }
                    entities.append(Entity(label: id, start: s.start, end: s.end - 1))
                }
                offsets.append(entities.count)
            }
        }

        func withDocument(_ d: Int, _ body: (UnsafeBufferPointer<Entity>) -> Void) {
            entities.withUnsafeBufferPointer { e in body(UnsafeBufferPointer(rebasing: e[offsets[d]..<offsets[d + 1]])) }
        }
    }

    /// Reused buffers: which gold entities a scheme has used, and one label's entities.
    private struct SchemeScratch {
        private var used = ScratchBuffer<Bool>(capacity: 64)
        private var gold = ScratchBuffer<Entity>(capacity: 64)
        private var pred = ScratchBuffer<Entity>(capacity: 64)

        /// `count` flags for gold entities (each scheme clears the ones it needs).
        mutating func matched(_ count: Int) -> UnsafeMutablePointer<Bool> { used.reserve(count) }

        /// The entities of `g` and `p` with label `label`, in order.
        mutating func filter(
            _ g: UnsafeBufferPointer<Entity>, _ p: UnsafeBufferPointer<Entity>, label: Int
        ) -> (UnsafeBufferPointer<Entity>, UnsafeBufferPointer<Entity>) {
            func keep(_ from: UnsafeBufferPointer<Entity>, _ into: inout ScratchBuffer<Entity>) -> UnsafeBufferPointer<Entity> {
                let out = into.reserve(from.count)
                var k = 0
                for e in from where e.label == label {
                    out[k] = e
                    k += 1
                }
                return UnsafeBufferPointer(start: out, count: k)
            }
            return (keep(g, &gold), keep(p, &pred))
        }

        func free() {
            used.free()
            gold.free()
            pred.free()
        }
    }

    private static func sufficientOverlap(_ pred: Entity, _ gold: Entity, _ thr: Double) -> Bool {
        if pred.start > gold.end || pred.end < gold.start { return 0.0 >= thr }
        let overlap = min(pred.end, gold.end) - max(pred.start, gold.start) + 1
        let goldSpan = gold.end - gold.start + 1
        return (Double(overlap) / Double(goldSpan)) * 100.0 >= thr
    }

    /// Gold entities left unused.
    private static func missed(_ matched: UnsafeMutablePointer<Bool>, _ count: Int) -> Int {
        var n = 0
        for i in 0..<count where !matched[i] { n += 1 }
        return n
    }

    /// nervaluate's strict (`sameLabel`) and exact schemes: they differ only in whether a
    /// boundary match must also share the label.
    private static func boundaries(
        _ gold: UnsafeBufferPointer<Entity>, _ pred: UnsafeBufferPointer<Entity>, _ thr: Double, sameLabel: Bool,
        _ matched: UnsafeMutablePointer<Bool>
    ) -> NERSchemeScores {
        var r = NERSchemeScores()
        matched.update(repeating: false, count: gold.count)
        for p in pred {
            var found = false
            var incorrect = -1
            for ti in 0..<gold.count where !matched[ti] {
                let t = gold[ti]
                if (!sameLabel || p.label == t.label) && p.start == t.start && p.end == t.end {
                    r.correct += 1; matched[ti] = true; found = true; break
                }
                if incorrect < 0 && sufficientOverlap(p, t, thr) { incorrect = ti }
            }
            if !found {
                if incorrect >= 0 { r.incorrect += 1; matched[incorrect] = true } else { r.spurious += 1 }
            }
        }
        r.missed = missed(matched, gold.count)
        return r
    }

    private static func partial(
        _ gold: UnsafeBufferPointer<Entity>, _ pred: UnsafeBufferPointer<Entity>, _ thr: Double,
        _ matched: UnsafeMutablePointer<Bool>
    ) -> NERSchemeScores {
        var r = NERSchemeScores()
        matched.update(repeating: false, count: gold.count)
        for p in pred {
            var found = false
            var partialMatch = -1
            for ti in 0..<gold.count where !matched[ti] {
                let t = gold[ti]
                if sufficientOverlap(p, t, thr) {
                    if p.start == t.start && p.end == t.end {
                        r.correct += 1; matched[ti] = true; found = true; break
                    }
                    if partialMatch < 0 { partialMatch = ti }
                }
            }
            if !found {
                if partialMatch >= 0 { r.partial += 1; matched[partialMatch] = true } else { r.spurious += 1 }
            }
        }
        r.missed = missed(matched, gold.count)
        return r
    }

    private static func entType(
        _ gold: UnsafeBufferPointer<Entity>, _ pred: UnsafeBufferPointer<Entity>, _ thr: Double,
        _ matched: UnsafeMutablePointer<Bool>
    ) -> NERSchemeScores {
        var r = NERSchemeScores()
        matched.update(repeating: false, count: gold.count)
        for p in pred {
            var best = -1, bestDistance = Int.max
            var incorrect = -1
            for ti in 0..<gold.count where !matched[ti] {
                let t = gold[ti]
                guard sufficientOverlap(p, t, thr) else { continue }
                let distance = abs(p.start - t.start) + abs(p.end - t.end)
                if p.label == t.label {
                    if distance < bestDistance { best = ti; bestDistance = distance }
                } else if incorrect < 0 {
                    incorrect = ti
                }
            }
            if best >= 0 {
                r.correct += 1; matched[best] = true
            } else if incorrect >= 0 {
                r.incorrect += 1; matched[incorrect] = true
            } else {
                r.spurious += 1
            }
        }
        r.missed = missed(matched, gold.count)
        return r
    }
}
