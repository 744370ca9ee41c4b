/// What the learner sees of a rubric item (a written answer): the limits the text must keep
/// and the rubric's criteria they will grade themselves against. The checks that would give
/// the answer away (required elements, claims to flag, forbidden phrases) stay in the key.
public struct RubricTask: Sendable, Hashable, Codable {
    /// One line of the rubric: what a good answer does, worth up to `points`.
    public struct Criterion: Sendable, Hashable, Codable {
        public let id: String
        /// What the criterion asks, in one line ("Answers the question that was asked").
        public let title: String
        /// What full and partial points look like (Markdown); may be empty.
        public let guide: String
        /// Most points a grader may give (at least 1).
        public let points: Int
    }

    public let minimumWords: Int?
    public let maximumWords: Int?
    public let minimumCharacters: Int?
    /// Longest accepted text in characters; at most ``GradingLimits/maximumAnswerTextLength``.
    public let maximumCharacters: Int
    /// The Flesch–Kincaid grade range the text must read at, when the author sets one.
    public let readingLevel: ClosedRange<Double>?
    public let criteria: [Criterion]

    /// The limits in one line for a prompt: "80–200 words, reading grade 6–10".
    public var limitsDescription: String? {
        var parts: [String] = []
        switch (minimumWords, maximumWords) {
        case let (low?, high?): parts.append("\(low)–\(high) words")
        case let (low?, nil): parts.append("at least \(low) words")
        case let (nil, high?): parts.append("at most \(high) words")
        case (nil, nil): break
        }
        if let low = minimumCharacters { parts.append("at least \(low) characters") }
        if maximumCharacters < GradingLimits.maximumAnswerTextLength { parts.append("at most \(maximumCharacters) characters") }
        if let range = readingLevel {
            parts.append("reading grade \(Format.number(range.lowerBound))–\(Format.number(range.upperBound)) (Flesch–Kincaid)")
        }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }
}
