/// Single-label and multi-label classification scores with scikit-learn conventions.
public enum Classification {}

/// Precision, recall and F1 of one class or of one averaging scheme.
public struct PrecisionRecallF1: Sendable, Equatable {
    public var precision: Double
    public var recall: Double
    public var f1: Double

    /// Creates the value from its parts (no validation beyond the types).
    public init(precision: Double, recall: Double, f1: Double) {
        self.precision = precision
        self.recall = recall
        self.f1 = f1
    }
}

/// Scores of one class in a ``ClassificationReport``.
public struct ClassScores<Label: Hashable & Sendable>: Sendable, Equatable {
    public var label: Label
    public var precision: Double
    public var recall: Double
    public var f1: Double
    /// Number of gold samples with this label.
    public var support: Int
}

/// Everything `sklearn.metrics` reports for single-label classification.
///
/// Matches scikit-learn 1.9 `accuracy_score`, `precision_recall_fscore_support(labels=…,
/// zero_division=0)` with `average=None/"macro"/"micro"/"weighted"`, and
/// `confusion_matrix(labels=…)`:
///
/// - per class `c`: `tp` = gold `c` and predicted `c`; `precision = tp / #predicted c`,
///   `recall = tp / #gold c`, `f1 = 2·tp / (#gold c + #predicted c)`; each is 0 when its
///   denominator is 0 (zero_division=0). Note the reference convention: a class that is
///   neither in gold nor predicted gets F1 0, not 1.
/// - macro: unweighted mean over the given labels (unused labels included, with 0).
/// - micro: the same formulas on the sums of tp, predicted and gold over the given labels.
/// - weighted: mean weighted by support; if every support is 0 the plain mean is used
///   (sklearn's `_nanaverage` fallback; unreachable here because every gold label must be
///   in `labels`).
/// - accuracy: fraction of samples whose prediction equals the gold label.
/// - confusion matrix: `confusion[i][j]` = samples with gold `labels[i]` predicted `labels[j]`.
public struct ClassificationReport<Label: Hashable & Sendable>: Sendable, Equatable {
    public var labels: [Label]
    public var accuracy: Double
    public var perClass: [ClassScores<Label>]
    public var macro: PrecisionRecallF1
    public var micro: PrecisionRecallF1
    public var weighted: PrecisionRecallF1
    /// Rows are gold labels, columns predicted labels, both in `labels` order.
    public var confusionMatrix: [[Int]]
    /// Unanswered samples per gold label, in `labels` order: the confusion matrix's missing
    /// "no answer" column. All zeros when every sample was answered.
    public var unanswered: [Int]

    /// Builds the report (scikit-learn conventions, see the type documentation).
    ///
    /// - Throws: ``MetricsError`` if `gold` and `predicted` differ in length, are empty,
    ///   `labels` is empty or has duplicates, or a sample's label is not in `labels`
    ///   (scikit-learn silently ignores such samples in the per-class scores; we refuse).
    public init(gold: [Label], predicted: [Label], labels: [Label]) throws(MetricsError) {
        try requireSameLength(gold.count, predicted.count, "gold and predicted")
        if gold.isEmpty { throw MetricsError(.empty, "classification needs at least one sample") }
        let index = try Classification.labelIndex(labels)
        let (goldCodes, predictedCodes) = try Classification.codes(
            gold, predicted, labels: labels, index: index, names: ("gold", "predicted"))
        self.init(labels: labels, goldCodes: goldCodes, predictedCodes: predictedCodes)
    }

    /// Builds the report where some samples were left unanswered (`nil`). An unanswered
    /// sample is wrong for accuracy, counts in its gold label's support (a false negative,
    /// lowering that label's recall) and is a prediction of no label (no label's precision
    /// changes); it has no confusion-matrix column, ``unanswered`` counts it instead. This is
    /// scikit-learn's result when the missing answer is a sentinel label left out of
    /// `labels=`.
    ///
    /// - Throws: as ``init(gold:predicted:labels:)``.
    public init(gold: [Label], predicted: [Label?], labels: [Label]) throws(MetricsError) {
        try requireSameLength(gold.count, predicted.count, "gold and predicted")
        if gold.isEmpty { throw MetricsError(.empty, "classification needs at least one sample") }
        let index = try Classification.labelIndex(labels)
        let (goldCodes, predictedCodes) = try Classification.codes(gold, answers: predicted, labels: labels, index: index)
        self.init(labels: labels, goldCodes: goldCodes, predictedCodes: predictedCodes)
    }

    /// The report from label positions: `goldCodes[n]` in `0..<k`, `predictedCodes[n]` in
    /// `0...k`, where `k` (one past the last label) marks an unanswered sample.
    private init(labels: [Label], goldCodes: [Int], predictedCodes: [Int]) {
        let k = labels.count
        // Counted into one flat k × (k + 1) array whose last column is "no answer".
        let width = k + 1
        var flat = [Int](repeating: 0, count: k * width)
        flat.withUnsafeMutableBufferPointer { c in
            goldCodes.withUnsafeBufferPointer { g in
                predictedCodes.withUnsafeBufferPointer { p in
                    for n in 0..<g.count { c[g[n] * width + p[n]] += 1 }
                }
            }
        }
        let confusion = (0..<k).map { Array(flat[$0 * width..<$0 * width + k]) }
        let unanswered = (0..<k).map { flat[$0 * width + k] }
        var correct = 0
        for i in 0..<k { correct += flat[i * width + i] }
        var perClass: [ClassScores<Label>] = []
        var tpSum = 0, predSum = 0, trueSum = 0
        for i in 0..<k {
            let tp = confusion[i][i]
            let support = confusion[i].reduce(0, +) + unanswered[i]
            var predicted = 0
            for r in 0..<k { predicted += confusion[r][i] }
            tpSum += tp; predSum += predicted; trueSum += support
            let s = Classification.prf(tp: tp, predicted: predicted, gold: support)
            perClass.append(ClassScores(label: labels[i], precision: s.precision, recall: s.recall, f1: s.f1, support: support))
        }
        self.labels = labels
        self.accuracy = Double(correct) / Double(goldCodes.count)
        self.perClass = perClass
        self.confusionMatrix = confusion
        self.unanswered = unanswered
        self.micro = Classification.prf(tp: tpSum, predicted: predSum, gold: trueSum)
        let kd = Double(k)
        self.macro = PrecisionRecallF1(
            precision: perClass.reduce(0) { $0 + $1.precision } / kd,
            recall: perClass.reduce(0) { $0 + $1.recall } / kd,
            f1: perClass.reduce(0) { $0 + $1.f1 } / kd)
        let totalSupport = Double(trueSum)
        if totalSupport > 0 {
            self.weighted = PrecisionRecallF1(
                precision: perClass.reduce(0) { $0 + $1.precision * Double($1.support) } / totalSupport,
                recall: perClass.reduce(0) { $0 + $1.recall * Double($1.support) } / totalSupport,
                f1: perClass.reduce(0) { $0 + $1.f1 * Double($1.support) } / totalSupport)
        } else {
            self.weighted = self.macro
        }
    }
}

/// Multi-label scores (each sample carries a set of labels) with scikit-learn conventions
/// on label-indicator matrices whose columns are `labels`.
public struct MultiLabelScores: Sendable, Equatable {
    /// `jaccard_score(average="samples", zero_division=0)`: mean over samples of
    /// `|gold ∩ predicted| / |gold ∪ predicted|`, a sample with both sets empty scoring 0
    /// (reference convention; a grader may prefer 1).
    public var jaccard: Double
    /// `accuracy_score` on indicator matrices (subset accuracy): fraction of samples whose
    /// predicted set equals the gold set exactly (two empty sets are equal).
    public var exactMatch: Double
    /// `hamming_loss`: `Σ |gold Δ predicted| / (samples × labels.count)`.
    public var hammingLoss: Double
}

extension Classification {
    /// Accuracy as `sklearn.metrics.accuracy_score`: fraction of equal pairs.
    ///
    /// - Throws: ``MetricsError`` on different lengths or empty input (sklearn raises too).
    public static func accuracy<Label: Equatable>(gold: [Label], predicted: [Label]) throws(MetricsError) -> Double {
        try requireSameLength(gold.count, predicted.count, "gold and predicted")
        if gold.isEmpty { throw MetricsError(.empty, "accuracy needs at least one sample") }
        var correct = 0
        for (g, p) in zip(gold, predicted) where g == p { correct += 1 }
        return Double(correct) / Double(gold.count)
    }

    /// Multi-label Jaccard (samples average), exact match and Hamming loss; see
    /// ``MultiLabelScores`` for the definitions (scikit-learn 1.9 `jaccard_score`,
    /// `accuracy_score`, `hamming_loss` on indicator matrices with columns `labels`).
    ///
    /// - Throws: ``MetricsError`` on different lengths, no samples, empty or duplicated
    ///   `labels`, or a label outside `labels`.
    public static func multiLabel<Label: Hashable & Sendable>(
        gold: [Set<Label>], predicted: [Set<Label>], labels: [Label]
    ) throws(MetricsError) -> MultiLabelScores {
        try requireSameLength(gold.count, predicted.count, "gold and predicted")
        if gold.isEmpty { throw MetricsError(.empty, "multi-label scores need at least one sample") }
        let index = try labelIndex(labels)
        if labels.count <= 64 {
            let g = LabelCodes.bitSets(gold, labels: labels, index: index)
            let p = LabelCodes.bitSets(predicted, labels: labels, index: index)
            if let n = [g.unknown, p.unknown].compactMap({ $0 }).min() {
                // The first sample holding an unknown label, gold before predicted.
                let (samples, name) = g.unknown == n ? (gold, "gold") : (predicted, "predicted")
                let l = samples[n].first { index[$0] == nil }!
                throw MetricsError(.unknownLabel, "\(name)[\(n)] contains \(l), which is not in labels")
            }
            var tally = MultiLabelTally()
            for (x, y) in zip(g.sets, p.sets) {
                tally.add(intersection: (x & y).nonzeroBitCount, union: (x | y).nonzeroBitCount, equal: x == y)
            }
            return tally.scores(samples: gold.count, labels: labels.count)
        }
        var tally = MultiLabelTally()
        for (n, (g, p)) in zip(gold, predicted).enumerated() {
            for l in g where index[l] == nil { throw MetricsError(.unknownLabel, "gold[\(n)] contains \(l), which is not in labels") }
            for l in p where index[l] == nil { throw MetricsError(.unknownLabel, "predicted[\(n)] contains \(l), which is not in labels") }
            tally.add(intersection: g.intersection(p).count, union: g.union(p).count, equal: g == p)
        }
        return tally.scores(samples: gold.count, labels: labels.count)
    }

    /// The sums behind ``MultiLabelScores``, one sample at a time.
    private struct MultiLabelTally {
        var jaccardSum = 0.0
        var exact = 0
        var mismatches = 0

        mutating func add(intersection: Int, union: Int, equal: Bool) {
            jaccardSum += union == 0 ? 0 : Double(intersection) / Double(union)
            if equal { exact += 1 }
            mismatches += union - intersection
        }

        func scores(samples: Int, labels: Int) -> MultiLabelScores {
            let n = Double(samples)
            return MultiLabelScores(
                jaccard: jaccardSum / n, exactMatch: Double(exact) / n, hammingLoss: Double(mismatches) / (n * Double(labels)))
        }
    }

    static func labelIndex<Label: Hashable>(_ labels: [Label]) throws(MetricsError) -> [Label: Int] {
        if labels.isEmpty { throw MetricsError(.empty, "labels must not be empty") }
        var index: [Label: Int] = [:]
        for (i, l) in labels.enumerated() {
            if index[l] != nil { throw MetricsError(.invalidInput, "label \(l) appears twice in labels") }
            index[l] = i
        }
        return index
    }

    /// sklearn's per-class formulas with zero_division=0: F1 = 2·tp / (gold + predicted).
    static func prf(tp: Int, predicted: Int, gold: Int) -> PrecisionRecallF1 {
        PrecisionRecallF1(
            precision: divideOrZero(Double(tp), Double(predicted)),
            recall: divideOrZero(Double(tp), Double(gold)),
            f1: divideOrZero(2 * Double(tp), Double(gold) + Double(predicted)))
    }
}
