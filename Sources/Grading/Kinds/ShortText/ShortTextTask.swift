/// What the learner sees of a short-text item: only the answer's length limit.
public struct ShortTextTask: Sendable, Hashable, Codable {
    /// Longest accepted answer in characters.
    public let maxLength: Int
}
