/// What a learner grades themselves with, for one written answer — shared by the terminal
/// and the web app: their text, the criteria, the grade so far, and the model answer only
/// when the released result carries gold (so a policy that withholds gold withholds it here).
public struct SelfGradeSheet: Sendable, Hashable {
    public let itemID: String
    /// The text as submitted.
    public let answer: RubricAnswer
    /// The model answer (Markdown), or nil when the policy has not released gold.
    public let model: String?
    public let criteria: [RubricTask.Criterion]

    /// The sheet for `item` from its result as released to the learner; nil when the item is
    /// not a written answer with criteria, or has no answer the learner may see.
    public init?(item: Item, released result: ItemResult) {
        guard case .rubric(let task, _) = item.content, !task.criteria.isEmpty, let json = result.response,
            let response = try? ItemResponse(json: json, for: item), case .rubric(let answer) = response
        else { return nil }
        itemID = item.id
        self.answer = answer
        criteria = task.criteria
        if case .object(let fields)? = result.gold, case .string(let text)? = fields["text"] { model = text } else { model = nil }
    }

    /// Whether the learner graded this answer already (a mentor's grade counts too).
    public var isGraded: Bool { answer.effectiveGrade != nil }

    /// The answer with the learner's grade: `points` and a `reason` for every criterion.
    ///
    /// - Throws: ``AnswerInput/Problem`` naming the first criterion without points in range
    ///   or without a reason (a grade without a reason teaches nothing).
    public func graded(points: [String: Int], reasons: [String: String]) throws(AnswerInput.Problem) -> RubricAnswer {
        var grades: [String: RubricAnswer.Grade] = [:]
        for criterion in criteria {
            guard let given = points[criterion.id], (0...criterion.points).contains(given) else {
                throw AnswerInput.Problem("Give \(Format.quote(criterion.title)) from 0 to \(criterion.points) points.")
            }
            let reason = (reasons[criterion.id] ?? "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
            guard !reason.isEmpty else { throw AnswerInput.Problem("Say why \(Format.quote(criterion.title)) earns \(given).") }
            guard reason.count <= GradingLimits.maximumAnswerTextLength else {
                throw AnswerInput.Problem("The reason for \(Format.quote(criterion.title)) is too long.")
            }
            grades[criterion.id] = RubricAnswer.Grade(points: given, reason: reason)
        }
        return RubricAnswer(text: answer.text, selfGrade: grades, mentorGrade: answer.mentorGrade)
    }
}
