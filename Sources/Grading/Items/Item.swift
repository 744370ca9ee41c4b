public import Courseware

/// One question of an assessment: what the learner sees, the gold, and what the result
/// says about it afterwards.
public struct Item: Sendable, Hashable {
    public let id: String
    /// Markdown shown to the learner.
    public let prompt: String
    /// Markdown explaining the gold answer, shown in the result.
    public let reason: String
    /// The lesson section that teaches the rule, as written (`../../Content/…md#anchor`).
    public let lesson: String?
    public let concepts: [String]
    public let difficulty: Difficulty?
    /// Relative weight in section and total scores (default 1).
    public let weight: Double
    /// Section id, if the assessment has sections.
    public let section: String?
    /// False for an ordinary work row (`gold: false`): answered like any other item and
    /// explained afterwards, but not scored, as a platform's customer data is not.
    public let isGold: Bool
    /// Training mode: a nudge shown after a wrong try, without giving the answer away.
    public let hint: String?
    public let content: ItemContent
    /// Where the item starts in `items.yaml`.
    public let position: SourcePosition
    /// Where `lesson:` is written, for broken-link diagnostics.
    var lessonPosition: SourcePosition?

    public var kind: ItemKind { content.kind }

    /// Scores a response (nil when unanswered); see ``ItemContent/score(_:detail:)``.
    public func score(_ response: ItemResponse?, detail: GradingDetail = .full) -> ItemScore {
        content.score(response, detail: detail)
    }

    public enum Difficulty: String, Sendable, Hashable, Codable, CaseIterable {
        case easy
        case medium
        case hard
    }
}
