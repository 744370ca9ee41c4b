import Courseware
import Gradebook
import Grading

/// The learner's record as the pages show it, read once per request.
struct Progress {
    /// Whose record this is.
    let book: LearnerBook
    let lessons: [String: LessonProgress]
    /// Every attempt, newest first.
    let attempts: [AttemptSummary]

    var passedTests: Set<String> { Set(attempts.filter { $0.passed == true }.map(\.assessmentID)) }
    var inProgress: [AttemptSummary] { attempts.filter { $0.status == .inProgress } }

    func attempts(at id: String) -> [AttemptSummary] { attempts.filter { $0.assessmentID == id } }
}

extension Site {
    func progress(_ context: WebContext) throws -> Progress {
        let book = book(context)
        let lessons = Dictionary(try book.lessonProgress().map { ($0.lessonID, $0) }, uniquingKeysWith: { first, _ in first })
        return Progress(book: book, lessons: lessons, attempts: try book.attempts())
    }
}
