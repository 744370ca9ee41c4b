internal import GroundworkMetrics

/// One gold object and the answer object the matching paired it with (as a match, with the
/// wrong label, or with too little overlap): the raw material of every kind's details.
struct MatchedPair {
    let gold: Int
    let answer: Int
    let similarity: Double
    /// The pair counts: similarity ≥ threshold and the same label.
    let passes: Bool
}

extension MatchResult {
    /// Every pair the matching made, in gold order.
    var pairs: [MatchedPair] {
        gold.enumerated().compactMap { index, verdict in
            switch verdict {
            case .matched(let partner, let similarity):
                return MatchedPair(gold: index, answer: partner, similarity: similarity, passes: true)
            case .wrongLabel(let partner, let similarity), .lowOverlap(let partner, let similarity):
                return MatchedPair(gold: index, answer: partner, similarity: similarity, passes: false)
            case .missing, .extra:
                return nil
            }
        }
    }

    /// Gold objects left without a partner.
    var missedGold: [Int] {
        gold.indices.filter {
            switch gold[$0] {
            case .missing, .extra: return true
            case .matched, .wrongLabel, .lowOverlap: return false
            }
        }
    }

    /// Answer objects left without a partner.
    var extraAnswers: [Int] {
        predicted.indices.filter { if case .extra = predicted[$0] { true } else { false } }
    }
}
