/// Precision, recall and F1 of multi-label answers (each sample a set of labels) under the
/// three averages scikit-learn offers, with the counts behind them.
///
/// Matches scikit-learn 1.9 `precision_recall_fscore_support(G, P, average=…,
/// zero_division=0)` on label-indicator matrices whose columns are `labels`:
/// - per label `l`: `tp` = samples with `l` in both sets, `fp` = only predicted, `fn` = only
///   gold; precision `tp/(tp+fp)`, recall `tp/(tp+fn)`, F1 `2tp/(2tp+fp+fn)`, each 0 on a
///   zero denominator.
/// - micro: the same formulas on tp, fp and fn summed over labels.
/// - macro: unweighted mean of the per-label values over every label in `labels` (a label
///   in neither gold nor answers contributes 0, the reference convention).
/// - samples: the formulas per sample (its own tp, fp, fn over labels), then the mean over
///   samples; a sample with both sets empty scores 0 on all three (reference convention).
public struct MultiLabelF1: Sendable, Equatable {
    public var micro: PrecisionRecallF1
    public var macro: PrecisionRecallF1
    public var samples: PrecisionRecallF1
    /// Label-sample pairs in both sets, only in the answer, only in gold (summed over labels).
    public var truePositives: Int
    public var falsePositives: Int
    public var falseNegatives: Int
}

extension Classification {
    /// Micro, macro and samples-averaged P/R/F1 of multi-label answers; see ``MultiLabelF1``.
    ///
    /// - Throws: ``MetricsError`` on different lengths, no samples, empty or duplicated
    ///   `labels`, or a label outside `labels`.
    public static func multiLabelF1<Label: Hashable & Sendable>(
        gold: [Set<Label>], predicted: [Set<Label>], labels: [Label]
    ) throws(MetricsError) -> MultiLabelF1 {
        try requireSameLength(gold.count, predicted.count, "gold and predicted")
        if gold.isEmpty { throw MetricsError(.empty, "multi-label scores need at least one sample") }
        let index = try labelIndex(labels)
        var tp = Array(repeating: 0, count: labels.count)
        var fp = tp, fn = tp
        var sampleSums = (precision: 0.0, recall: 0.0, f1: 0.0)
        for (n, (g, p)) in zip(gold, predicted).enumerated() {
            for l in g where index[l] == nil { throw MetricsError(.unknownLabel, "gold[\(n)] contains \(l), which is not in labels") }
            for l in p where index[l] == nil { throw MetricsError(.unknownLabel, "predicted[\(n)] contains \(l), which is not in labels") }
            let both = g.intersection(p)
            for l in both { tp[index[l]!] += 1 }
            for l in p.subtracting(g) { fp[index[l]!] += 1 }
            for l in g.subtracting(p) { fn[index[l]!] += 1 }
            let s = prf(tp: both.count, predicted: p.count, gold: g.count)
            sampleSums.precision += s.precision
            sampleSums.recall += s.recall
            sampleSums.f1 += s.f1
        }
        let perLabel = labels.indices.map { prf(tp: tp[$0], predicted: tp[$0] + fp[$0], gold: tp[$0] + fn[$0]) }
        let k = Double(labels.count), n = Double(gold.count)
        let tpSum = tp.reduce(0, +), fpSum = fp.reduce(0, +), fnSum = fn.reduce(0, +)
        return MultiLabelF1(
            micro: prf(tp: tpSum, predicted: tpSum + fpSum, gold: tpSum + fnSum),
            macro: PrecisionRecallF1(
                precision: perLabel.reduce(0) { $0 + $1.precision } / k,
                recall: perLabel.reduce(0) { $0 + $1.recall } / k,
                f1: perLabel.reduce(0) { $0 + $1.f1 } / k),
            samples: PrecisionRecallF1(precision: sampleSums.precision / n, recall: sampleSums.recall / n, f1: sampleSums.f1 / n),
            truePositives: tpSum, falsePositives: fpSum, falseNegatives: fnSum)
    }
}
