/// "Did you mean …?" hints for misspelt ids, keys, anchors and labels.
public enum Suggestion {
    /// Words longer than this are no typo of a name: they are not compared at all, so a
    /// megabyte written where a name belongs costs nothing to report.
    public static let maximumLength = 100

    /// The candidate closest to `word` by edit distance (ignoring case), if it is close enough
    /// to be a plausible typo: at most 2 edits, or a third of the word's length. Neither the
    /// word nor a candidate longer than ``maximumLength`` is compared, which bounds the time.
    public static func closest(to word: String, in candidates: [String]) -> String? {
        guard word.utf8.count <= maximumLength * 4, word.count <= maximumLength else { return nil }
        let lowered = Array(word.lowercased())
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where candidate.count <= maximumLength {
            let distance = editDistance(lowered, Array(candidate.lowercased()))
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        guard let best, best.distance <= max(2, lowered.count / 3), best.distance < lowered.count else { return nil }
        return best.candidate
    }

    /// `; did you mean 'x'?`, else `; use one of a, b, c` (the first 20 candidates), for the
    /// end of a message.
    public static func hint(for word: String, in candidates: [String]) -> String {
        if let match = closest(to: word, in: candidates) { return "; did you mean \(Quote.text(match))?" }
        if candidates.isEmpty { return "" }
        let listed = candidates.prefix(20).map { TerminalStyle.sanitize($0) }.joined(separator: ", ")
        return "; use one of \(listed)\(candidates.count > 20 ? ", …" : "")"
    }

    /// Levenshtein distance between two short strings. (Metrics has the full-featured one;
    /// Courseware depends on nothing but cmark.)
    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

extension Suggestion {
    /// "its headings are #a, #b, and 3 more" (the first dozen), so an author who linked a
    /// missing heading can pick the right one without opening the lesson.
    public static func headings(_ anchors: [String]) -> String {
        guard !anchors.isEmpty else { return "it has no headings" }
        let shown = anchors.prefix(12).map { "#\($0)" }.joined(separator: ", ")
        return "its headings are \(shown)" + (anchors.count > 12 ? ", and \(anchors.count - 12) more" : "")
    }
}
