/// True positives, false positives and false negatives: the counts behind a precision,
/// recall and F1, so a report can show "2 of 3 found, 1 extra" rather than only ratios.
public struct MatchCounts: Sendable, Hashable {
    public var truePositives: Int
    public var falsePositives: Int
    public var falseNegatives: Int

    /// Creates the value from its parts (no validation beyond the types).
    public init(truePositives: Int, falsePositives: Int, falseNegatives: Int) {
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.falseNegatives = falseNegatives
    }
}

extension MatchResult {
    /// The object matching's counts (boxes, polygons, keypoints, time segments).
    public var counts: MatchCounts {
        MatchCounts(truePositives: truePositives, falsePositives: falsePositives, falseNegatives: falseNegatives)
    }
}

extension SeqevalScores {
    /// Predicted entities that match no gold entity.
    public var falsePositives: Int { predictedCount - truePositives }
    /// Gold entities no predicted entity matches.
    public var falseNegatives: Int { goldCount - truePositives }
    /// seqeval's entity counts over all types.
    public var counts: MatchCounts {
        MatchCounts(truePositives: truePositives, falsePositives: falsePositives, falseNegatives: falseNegatives)
    }
}

extension NERSchemeScores {
    /// The scheme's counts read as a match: `correct` are true positives, `actual − correct`
    /// false positives and `possible − correct` false negatives (incorrect and partial
    /// entities count on both sides, as they do in the strict and exact precision and recall).
    public var counts: MatchCounts {
        MatchCounts(truePositives: correct, falsePositives: actual - correct, falseNegatives: possible - correct)
    }
}
