internal import Metrics

/// "Did you mean …?" suggestions for misspelt keys, kinds, labels and ids.
enum Suggestion {
    /// The candidate closest to `word` by edit distance (case-insensitive), if it is close
    /// enough to be a plausible typo: at most 2 edits, or a third of the word's length.
    static func closest(to word: String, in candidates: [String]) -> String? {
        let lowered = Array(word.lowercased())
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = Transcription.levenshteinDistance(lowered, Array(candidate.lowercased()))
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        guard let best, best.distance <= max(2, lowered.count / 3), best.distance < lowered.count else { return nil }
        return best.candidate
    }

    /// `; did you mean 'x'?` or `; use one of a, b, c` for a message tail.
    static func hint(for word: String, in candidates: [String]) -> String {
        if let match = closest(to: word, in: candidates) { return "; did you mean '\(match)'?" }
        if candidates.isEmpty { return "" }
        return "; use one of \(candidates.joined(separator: ", "))"
    }
}
