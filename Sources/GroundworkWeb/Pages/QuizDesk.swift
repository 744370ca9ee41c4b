import Courseware
import Gradebook
import HTTPTypes
import Hummingbird

/// Checking a lesson's quiz: what the page's form and the API both do. The answer is
/// checked here on the server (the page never carries it) and recorded with the lesson.
struct QuizDesk {
    let site: Site

    /// The lesson and quiz number a request names, or a 404.
    func quiz(_ context: WebContext) throws -> (lesson: Lesson, number: Int, quiz: Quiz) {
        let lesson = try site.lesson(try context.parameters.require("id"))
        let quizzes = lesson.document.quizzes
        guard let number = Int(try context.parameters.require("number")), quizzes.indices.contains(number) else {
            throw WebError(.notFound, "lesson '\(lesson.id)' has no quiz number \(context.parameters.get("number") ?? "")")
        }
        return (lesson, number, quizzes[number])
    }

    /// Checks `choices` (0-based, as sent) against the quiz, records the result, and returns
    /// every choice explained.
    func check(_ choices: [String], lesson: Lesson, quiz: Quiz, _ context: WebContext) async throws -> QuizFeedbackView {
        let chosen = try QuizAnswerQuery.choices(choices, count: quiz.choices.count)
        let feedback = QuizFeedbackView(quiz: quiz, chosen: chosen, renderer: HTMLRenderer())
        let book = site.book(context)
        try await site.blocking { try book.recordLessonRead(lesson.id, quizzesAnswered: 1, quizzesCorrect: feedback.correct ? 1 : 0) }
        return feedback
    }
}
