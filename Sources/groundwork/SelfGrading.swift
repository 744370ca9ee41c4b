import Courseware
import Gradebook
import Grading

/// Runs the self-grading step over an attempt's released item results, for `take`,
/// `practice` and `report --grade`: each written answer not graded yet is shown with the
/// model answer (when released) and graded criterion by criterion, and the grade is saved.
enum SelfGrading {
    /// - Returns: The attempt's result scored again, when a finished attempt was graded.
    /// - Throws: ``CommandError`` when a grade cannot be saved.
    @discardableResult
    static func run(_ attempt: inout RecordedAttempt, results: [ItemResult], renderer: TerminalRenderer) throws -> AttemptResult? {
        var latest: AttemptResult?
        for result in results {
            guard let item = attempt.session.assessment.item(result.id),
                let sheet = SelfGradeSheet(item: item, released: result), !sheet.isGraded
            else { continue }
            guard let graded = SelfGradePrompt(sheet: sheet, renderer: renderer).ask() else {
                let later =
                    attempt.record.status == .inProgress
                    ? "you are asked again after you submit" : "grade it with 'groundwork report \(attempt.id) --grade'"
                print(renderer.wrap("Not graded yet: the rubric part counts 0 until you grade it; \(later)."))
                return latest
            }
            do {
                latest = try attempt.grade(item.id, graded) ?? latest
            } catch let error as GradebookError {
                throw CommandError("your grade of \(item.id) was not saved (\(GradebookMessage.text(error)))")
            }
            print("Saved your grade of \(TerminalStyle.sanitize(item.id)).")
        }
        return latest
    }
}
