/// An answer to a pairwise preference item: which response is better, optional ratings of
/// each response on the item's dimensions, and a written reason.
///
/// JSON: `{"preferred": "A", "ratings": {"A": {"accuracy": 5}, "B": {"accuracy": 2}},
/// "reason": "B gives the wrong year."}`; `preferred` is a response id or `"tie"`.
public struct PairwiseAnswer: Sendable, Hashable {
    public var preferred: String
    /// Response id → dimension id → rating.
    public var ratings: [String: [String: Int]]
    public var reason: String

    public init(preferred: String, ratings: [String: [String: Int]] = [:], reason: String = "") {
        self.preferred = preferred
        self.ratings = ratings
        self.reason = reason
    }
}
