import Foundation
import Gradebook
import Grading
import HTTPTypes

/// Stores a learner's self-grade of a written answer in a finished attempt, for the report
/// page's form (the JSON API could call it the same way).
struct RubricGrading {
    let site: Site
    let book: LearnerBook

    /// Reads `points-<criterion>` and `reason-<criterion>` for `itemID` and saves the grade.
    ///
    /// - Throws: ``WebError`` 404 for an unknown attempt or item, 409 while the attempt is in
    ///   progress, 422 naming the criterion when points or a reason are missing.
    func grade(_ id: Int64, itemID: String, form: FormFields) throws {
        guard let record = try book.attempt(id: id) else { throw WebError(.notFound, "no attempt #\(id)") }
        guard record.status != .inProgress else {
            throw WebError(.conflict, "attempt #\(id) is still in progress; grade your written answers once it is submitted")
        }
        let test = try site.assessment(for: record)
        guard let json = record.resultJSON, let stored = try? JSONDecoder().decode(AttemptResult.self, from: Data(json.utf8)) else {
            throw WebError(.conflict, "attempt #\(id) has no result to grade")
        }
        let released = stored.released(for: test.running(as: record.purpose).policy, stage: .finished)
        guard let item = test.item(itemID), let result = released.items.first(where: { $0.id == itemID }),
            let sheet = SelfGradeSheet(item: item, released: result)
        else { throw WebError(.notFound, "attempt #\(id) has no written answer '\(itemID.prefix(40))' to grade") }
        var points: [String: Int] = [:]
        var reasons: [String: String] = [:]
        for criterion in sheet.criteria {
            points[criterion.id] = form.value("points-\(criterion.id)").flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            reasons[criterion.id] = form.value("reason-\(criterion.id)")
        }
        let graded: RubricAnswer
        do {
            graded = try sheet.graded(points: points, reasons: reasons)
        } catch {
            throw WebError(.unprocessableContent, error.message, field: "points")
        }
        do {
            var attempt = try RecordedAttempt.load(record, of: test, in: book, holder: Site.holder)
            try attempt.grade(itemID, graded)
        } catch let error as RecordedAttemptError {
            throw WebError(.conflict, error.description)
        } catch let error as RubricGradeError {
            throw WebError(.conflict, error.description)
        }
    }
}
