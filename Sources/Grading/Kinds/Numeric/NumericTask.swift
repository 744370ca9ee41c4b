/// What the learner sees of a numeric item: the unit the answer is in, if any.
public struct NumericTask: Sendable, Hashable, Codable {
    public let unit: String?
}
