import GroundworkMetrics
import TestSupport
import Testing

/// The label-based scores look labels up through fast paths (bytes for strings, linear search
/// for short lists, specialised Int and String code); each must give what the plain
/// definition gives, whichever path a label takes.
struct LabelLookupTests {
    /// "é" precomposed and decomposed: equal Strings with different bytes, so the byte
    /// comparison misses and String's own equality must find the label.
    let composed = "caf\u{E9}", decomposed = "cafe\u{301}"

    @Test("a canonically equal string with other bytes is the same label")
    func canonicalEquivalence() throws {
        let r = try ClassificationReport(gold: [composed, "tea"], predicted: [decomposed, "tea"], labels: [composed, "tea"])
        #expect(r.accuracy == 1)
        #expect(r.confusionMatrix == [[1, 0], [0, 1]])
        let k = try Agreement.cohenKappa([decomposed, "tea", "tea"], [composed, "tea", composed], labels: [composed, "tea"])
        #expect(k == (try Agreement.cohenKappa(["c", "t", "t"], ["c", "t", "c"], labels: ["c", "t"])))
        let m = try Classification.multiLabel(gold: [[decomposed]], predicted: [[composed]], labels: [composed, "tea"])
        #expect(m.exactMatch == 1)
    }

    @Test("String, Int, generic labels, short and long label lists agree", arguments: [3, 12, 13, 40])
    func pathsAgree(labelCount: Int) throws {
        var rng = SplitMix64(seed: UInt64(labelCount))
        let a = (0..<500).map { _ in rng.int(labelCount) }
        let b = a.map { rng.int(3) == 0 ? rng.int(labelCount) : $0 }
        let labels = Array(0..<labelCount)
        let strings = { (x: [Int]) in x.map { "label \($0)" } }
        let generic = { (x: [Int]) in x.map { Wrapped(value: $0) } }
        for weighting in [KappaWeighting.unweighted, .linear, .quadratic] {
            let int = try Agreement.cohenKappa(a, b, labels: labels, weighting: weighting)
            #expect(int == (try Agreement.cohenKappa(strings(a), strings(b), labels: strings(labels), weighting: weighting)))
            #expect(int == (try Agreement.cohenKappa(generic(a), generic(b), labels: generic(labels), weighting: weighting)))
        }
        let report = try ClassificationReport(gold: a, predicted: b, labels: labels)
        #expect(
            report.confusionMatrix
                == (try ClassificationReport(gold: strings(a), predicted: strings(b), labels: strings(labels))).confusionMatrix)
        #expect(report.accuracy == (try Classification.accuracy(gold: a, predicted: b)))
        let ratings = (0..<100).map { s in (0..<4).map { r in a[s * 4 + r] } }
        let fleiss = try Agreement.fleissKappa(ratings: ratings, categories: labels)
        #expect(fleiss == (try Agreement.fleissKappa(ratings: ratings.map(strings), categories: strings(labels))))
    }

    @Test("unanswered samples count the same on the String, Int and generic paths", arguments: [3, 13])
    func unansweredPathsAgree(labelCount: Int) throws {
        var rng = SplitMix64(seed: UInt64(labelCount) + 100)
        let gold = (0..<400).map { _ in rng.int(labelCount) }
        let answers: [Int?] = gold.map { _ in rng.int(4) == 0 ? nil : rng.int(labelCount) }
        let labels = Array(0..<labelCount)
        let int = try ClassificationReport(gold: gold, predicted: answers, labels: labels)
        let string = try ClassificationReport(
            gold: gold.map { "l\($0)" }, predicted: answers.map { $0.map { "l\($0)" } }, labels: labels.map { "l\($0)" })
        let generic = try ClassificationReport(
            gold: gold.map(Wrapped.init), predicted: answers.map { $0.map(Wrapped.init) }, labels: labels.map(Wrapped.init))
        #expect(int.unanswered.reduce(0, +) == answers.filter { $0 == nil }.count)
        for other in [string.confusionMatrix, generic.confusionMatrix] { #expect(other == int.confusionMatrix) }
        for other in [string.unanswered, generic.unanswered] { #expect(other == int.unanswered) }
        #expect(string.accuracy == int.accuracy && generic.accuracy == int.accuracy)
        #expect(string.macro == int.macro && generic.weighted == int.weighted)
    }

    @Test("with unanswered samples, the first unknown label is still named")
    func firstUnknownAmongAnswers() {
        #expect(throws: MetricsError(.unknownLabel, "predicted[1] = x is not in labels")) {
            try ClassificationReport(gold: ["p", "q", "z"], predicted: [nil, "x", "q"], labels: ["p", "q"])
        }
        #expect(throws: MetricsError(.unknownLabel, "gold[1] = z is not in labels")) {
            try ClassificationReport(gold: ["p", "z", "q"], predicted: [nil, "x", nil], labels: ["p", "q"])
        }
        #expect(throws: MetricsError(.unknownLabel, "gold[2] = z is not in labels")) {
            try ClassificationReport(gold: ["p", "q", "z"], predicted: [nil, nil, nil], labels: ["p", "q"])
        }
    }

    @Test("multi-label bit sets and the set path agree beyond 64 labels")
    func multiLabelBeyond64() throws {
        var rng = SplitMix64(seed: 7)
        let sets = { (n: Int, labels: Int) in
            (0..<n).map { _ in Set((0..<4).map { _ in rng.int(labels) }) }
        }
        let few = 60, many = 70
        let (g, p) = (sets(300, few), sets(300, few))
        // The same samples scored with 60 labels (bit sets) and with 70 (sets): only the
        // Hamming loss depends on the label count.
        let small = try Classification.multiLabel(gold: g, predicted: p, labels: Array(0..<few))
        let large = try Classification.multiLabel(gold: g, predicted: p, labels: Array(0..<many))
        #expect(small.jaccard == large.jaccard)
        #expect(small.exactMatch == large.exactMatch)
        #expect(abs(small.hammingLoss * Double(few) - large.hammingLoss * Double(many)) < 1e-12)
    }

    @Test("the first unknown label is named, whichever list holds it")
    func firstUnknownIsNamed() {
        #expect(throws: MetricsError(.unknownLabel, "b[1] = x is not in labels")) {
            try Agreement.cohenKappa(["p", "q", "z"], ["p", "x", "q"], labels: ["p", "q"])
        }
        #expect(throws: MetricsError(.unknownLabel, "a[1] = z is not in labels")) {
            try Agreement.cohenKappa(["p", "z", "q"], ["p", "x", "q"], labels: ["p", "q"])
        }
        #expect(throws: MetricsError(.unknownLabel, "ratings[1][0] = 9 is not in categories")) {
            try Agreement.fleissKappa(ratings: [[0, 1], [9, 1]], categories: [0, 1])
        }
        #expect(throws: MetricsError(.unknownLabel, "predicted[0] contains z, which is not in labels")) {
            try Classification.multiLabel(gold: [["a"], ["y"]], predicted: [["z"], ["a"]], labels: ["a"])
        }
    }

    @Test("Krippendorff's alpha is the same with few and with many distinct values")
    func krippendorffDomains() throws {
        for distinct in [5, 32, 33, 60] {
            var rng = SplitMix64(seed: UInt64(distinct))
            let data: [[Double?]] = (0..<3).map { _ in
                (0..<200).map { _ in rng.int(5) == 0 ? nil : Double(rng.int(distinct)) - 2.5 }
            }
            let nominal = try Agreement.krippendorffAlpha(nominal: data.map { $0.map { $0.map { "v\($0)" } } })
            #expect(abs(try Agreement.krippendorffAlpha(data, level: .nominal) - nominal) < 1e-12)
        }
    }
}

/// A label type of its own, so the generic path is taken.
private struct Wrapped: Hashable {
    let value: Int
}
