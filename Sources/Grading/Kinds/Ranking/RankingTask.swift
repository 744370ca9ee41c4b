/// What the learner sees of a ranking item: the candidates to put in order, best first.
public struct RankingTask: Sendable, Hashable, Codable {
    public struct Candidate: Sendable, Hashable, Codable {
        public let id: String
        /// What the learner reads (Markdown).
        public let text: String
    }

    public let candidates: [Candidate]

    var ids: [String] { candidates.map(\.id) }

    /// `'Cheap flights to Paris'` (short text) for feedback.
    func name(_ id: String) -> String {
        Format.quote(candidates.first { $0.id == id }?.text ?? id, limit: 40)
    }
}
