/// An item as the learner sees it while answering: prompt, task data and weight — no gold,
/// no reason, no lesson link (those come with the result).
public struct LearnerItem: Sendable, Hashable, Encodable {
    public let id: String
    public let kind: ItemKind
    /// Markdown.
    public let prompt: String
    public let section: String?
    public let weight: Double
    public let task: LearnerTask

    /// The learner's view of `item`.
    public init(_ item: Item) {
        id = item.id
        kind = item.kind
        prompt = item.prompt
        section = item.section
        weight = item.weight
        task = item.content.task
    }
}
