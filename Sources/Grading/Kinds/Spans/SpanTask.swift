/// What the learner sees of a span (NER) item: the text and the labels to choose from.
public struct SpanTask: Sendable, Hashable, Codable {
    /// The text to annotate; offsets count its Unicode scalars.
    public let text: String
    public let labels: [String]

    /// The text between scalar offsets, or "" when they are out of range.
    func slice(_ start: Int, _ end: Int) -> String {
        let scalars = Array(text.unicodeScalars)
        guard start >= 0, end <= scalars.count, start < end else { return "" }
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }

    /// Scalar offset of the `occurrence`-th (1-based) appearance of `needle`, if any.
    func offset(of needle: String, occurrence: Int) -> Int? {
        let haystack = Array(text.unicodeScalars), pattern = Array(needle.unicodeScalars)
        guard !pattern.isEmpty, pattern.count <= haystack.count else { return nil }
        var seen = 0
        for start in 0...(haystack.count - pattern.count) where haystack[start..<(start + pattern.count)].elementsEqual(pattern) {
            seen += 1
            if seen == occurrence { return start }
        }
        return nil
    }

    var length: Int { text.unicodeScalars.count }
}
