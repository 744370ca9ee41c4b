import GroundworkMetrics
import Testing

struct ClassificationCase: NamedCase {
    struct Averages: Decodable, Sendable { let precision: Double; let recall: Double; let f1: Double }
    struct Expected: Decodable, Sendable {
        let accuracy: Double
        let precision: [Double], recall: [Double], f1: [Double], support: [Int]
        let confusion: [[Int]]
        let unanswered: [Int]
        let macro: Averages, micro: Averages, weighted: Averages
    }
    let name: String
    let labels: [String], gold: [String]
    /// `null` is an unanswered sample.
    let predicted: [String?]
    let expected: Expected
}

struct MultiLabelCase: NamedCase {
    struct Expected: Decodable, Sendable {
        let jaccard_samples: Double, subset_accuracy: Double, hamming_loss: Double
        let micro: ClassificationCase.Averages, macro: ClassificationCase.Averages, samples: ClassificationCase.Averages
        let true_positives: Int, false_positives: Int, false_negatives: Int
    }
    let name: String
    let labels: [String], gold: [[String]], predicted: [[String]]
    let expected: Expected
}

struct ClassificationTests {
    @Test("classification report matches scikit-learn", arguments: try Fixtures.cases("classification.json", as: ClassificationCase.self))
    func reportMatchesSklearn(_ c: ClassificationCase) throws {
        let r = try ClassificationReport(gold: c.gold, predicted: c.predicted, labels: c.labels)
        let e = c.expected
        expectClose(r.accuracy, e.accuracy, "accuracy")
        expectClose(r.perClass.map(\.precision), e.precision, "precision")
        expectClose(r.perClass.map(\.recall), e.recall, "recall")
        expectClose(r.perClass.map(\.f1), e.f1, "f1")
        #expect(r.perClass.map(\.support) == e.support)
        #expect(r.perClass.map(\.label) == c.labels)
        #expect(r.confusionMatrix == e.confusion)
        #expect(r.unanswered == e.unanswered)
        for (name, got, want) in [("macro", r.macro, e.macro), ("micro", r.micro, e.micro), ("weighted", r.weighted, e.weighted)] {
            expectClose(got.precision, want.precision, "\(name) precision")
            expectClose(got.recall, want.recall, "\(name) recall")
            expectClose(got.f1, want.f1, "\(name) f1")
        }
        expectClose(try Classification.accuracy(gold: c.gold.map { Optional($0) }, predicted: c.predicted), e.accuracy, "accuracy function")
    }

    @Test(
        "multi-label Jaccard, exact match and Hamming loss match scikit-learn",
        arguments: try Fixtures.cases("multilabel.json", as: MultiLabelCase.self))
    func multiLabelMatchesSklearn(_ c: MultiLabelCase) throws {
        let s = try Classification.multiLabel(gold: c.gold.map(Set.init), predicted: c.predicted.map(Set.init), labels: c.labels)
        expectClose(s.jaccard, c.expected.jaccard_samples, "jaccard")
        expectClose(s.exactMatch, c.expected.subset_accuracy, "exact match")
        expectClose(s.hammingLoss, c.expected.hamming_loss, "hamming loss")
    }

    @Test(
        "multi-label micro, macro and samples F1 match scikit-learn",
        arguments: try Fixtures.cases("multilabel.json", as: MultiLabelCase.self))
    func multiLabelF1MatchesSklearn(_ c: MultiLabelCase) throws {
        let s = try Classification.multiLabelF1(gold: c.gold.map(Set.init), predicted: c.predicted.map(Set.init), labels: c.labels)
        let e = c.expected
        for (name, got, want) in [("micro", s.micro, e.micro), ("macro", s.macro, e.macro), ("samples", s.samples, e.samples)] {
            expectClose(got.precision, want.precision, "\(name) precision")
            expectClose(got.recall, want.recall, "\(name) recall")
            expectClose(got.f1, want.f1, "\(name) f1")
        }
        #expect([s.truePositives, s.falsePositives, s.falseNegatives] == [e.true_positives, e.false_positives, e.false_negatives])
    }

    @Test("labels can be any hashable type")
    func integerLabels() throws {
        let r = try ClassificationReport(gold: [1, 2, 2, 3], predicted: [1, 2, 3, 3], labels: [3, 2, 1])
        #expect(r.confusionMatrix == [[1, 0, 0], [1, 1, 0], [0, 0, 1]])
        #expect(r.accuracy == 0.75)
    }

    @Test("bad input throws instead of crashing")
    func badInputThrows() {
        #expect(throws: MetricsError.self) { try ClassificationReport(gold: ["a"], predicted: ["a", "b"], labels: ["a", "b"]) }
        #expect(throws: MetricsError.self) { try ClassificationReport(gold: [String](), predicted: [], labels: ["a"]) }
        #expect(throws: MetricsError.self) { try ClassificationReport(gold: ["a"], predicted: ["z"], labels: ["a"]) }
        #expect(throws: MetricsError.self) { try ClassificationReport(gold: ["a"], predicted: ["a"], labels: ["a", "a"]) }
        #expect(throws: MetricsError.self) { try Classification.multiLabel(gold: [["q"]], predicted: [[]], labels: ["a"]) }
        #expect(throws: MetricsError.self) { try Classification.accuracy(gold: [Int](), predicted: []) }
    }

    @Test("error messages say what is wrong")
    func errorMessages() {
        do {
            _ = try ClassificationReport(gold: ["a", "b"], predicted: ["a", "c"], labels: ["a", "b"])
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .unknownLabel)
            #expect(error.message == "predicted[1] = c is not in labels")
        }
    }
}
