public import Foundation

/// One learner's part of a ``Gradebook``: every query and write made through it is scoped to
/// ``learnerID``, so records of two learners never mix and an attempt id of another learner
/// is unknown here.
///
/// ```swift
/// let book = try Gradebook.open(directory: folder).learner("ana")
/// let attempts = try book.attempts()
/// ```
public struct LearnerBook: Sendable {
    public let gradebook: Gradebook
    public let learnerID: String

    /// The gradebook's idea of now.
    public func now() -> Date { gradebook.now() }

    /// The attempt `id` of this learner, or ``GradebookError/unknownAttempt(_:)``.
    func fetchAttempt(_ db: any SQLConnection, _ id: Int64) throws -> Attempt {
        guard let attempt = try findAttempt(db, id) else {
            throw GradebookError.unknownAttempt(id)
        }
        return attempt
    }

    /// The attempt `id` if it is this learner's.
    func findAttempt(_ db: any SQLConnection, _ id: Int64) throws -> Attempt? {
        try db.fetchOne(Attempt.self, "SELECT * FROM attempt WHERE id = ? AND learnerID = ?", id, learnerID)
    }
}
