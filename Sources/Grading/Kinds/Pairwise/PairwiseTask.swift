/// What the learner sees of a pairwise preference item (LLM output evaluation): the context,
/// the responses to compare and the dimensions to rate each on.
public struct PairwiseTask: Sendable, Hashable, Codable {
    public struct Response: Sendable, Hashable, Codable {
        /// "A", "B", …
        public let id: String
        /// The response text (Markdown).
        public let text: String
    }

    public struct Dimension: Sendable, Hashable, Codable {
        public let id: String
        public let minimum: Int
        public let maximum: Int
    }

    public let responses: [Response]
    public let dimensions: [Dimension]
    /// Whether "tie" is an allowed preference.
    public let allowsTie: Bool
    /// Whether a written reason is asked for (and graded).
    public let asksForReason: Bool

    var preferenceChoices: [String] { responses.map(\.id) + (allowsTie ? ["tie"] : []) }
}
