public import Gradebook
public import Grading

extension ReviewSchedule {
    /// The learner's schedule now, from their finished attempts: what `review`, the review
    /// page and both home views read.
    public static func load(book: LearnerBook, catalog: AssessmentCatalog) throws -> ReviewSchedule {
        ReviewSchedule(evidence: ItemEvidence.collect(from: try book.finishedAttempts(), catalog: catalog), now: book.now())
    }

    /// "3 items are due for review" for a home view; nil when none is.
    public var dueSentence: String? {
        let count = due.count
        guard count > 0 else { return nil }
        return count == 1 ? "1 missed item is due for review" : "\(count) missed items are due for review"
    }
}
