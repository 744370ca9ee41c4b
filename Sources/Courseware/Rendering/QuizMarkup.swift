/// A quiz as HTML pieces without its answer: what ``HTMLRenderer/quiz`` is given, so a page
/// can ask the quiz as a form while the server alone knows which choices are right.
public struct QuizMarkup: Sendable, Hashable {
    /// 0-based position among the document's quizzes, in document order.
    public let number: Int
    public let questionHTML: String
    /// Each choice's text as inline HTML, in the author's order.
    public let choicesHTML: [String]
    /// "Select all that apply" (several choices are right) — a fact the page must show.
    public let allowsMultipleAnswers: Bool
}
