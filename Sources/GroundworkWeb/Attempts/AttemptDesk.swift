import HTTPTypes
import Foundation
import Gradebook
import Grading

/// Starting, answering and finishing attempts for the web: the one place the pages and the
/// JSON API both call, so they apply the same rules and release the same things. Every
/// answer is written to the gradebook before its outcome is returned, and each request
/// rebuilds the attempt from the gradebook, so a reload or a restarted server loses nothing.
struct AttemptDesk {
    let site: Site

    /// Resumes the attempt in progress or starts a new one, as the policy and the record allow.
    ///
    /// - Throws: ``WebError`` 409 with the reason when the learner may not take it now.
    func begin(_ test: Assessment, seed: UInt64? = nil) throws -> Attempt {
        switch try site.gradebook.eligibility(for: test) {
        case .resume(let attempt):
            return attempt
        case .start:
            let attempt = try RecordedAttempt.start(test, in: site.gradebook, seed: seed ?? UInt64.random(in: 0...UInt64(Int64.max)))
            return attempt.record
        case .wait(let until):
            throw WebError(.conflict, "\(test.title) may be retaken from \(WebText.moment(until)) (retake delay \(Assessment.duration(minutes: test.policy.retakeDelayMinutes ?? 0)))")
        case .noAttemptsLeft(let used):
            throw WebError(.conflict, "every allowed attempt at \(test.title) was used (\(used))")
        case .needsPrerequisites(let missing):
            throw WebError(.conflict, "\(test.title) needs a passed attempt at \(missing.joined(separator: ", ")) first")
        }
    }

    /// The attempt with this id and its test, rebuilt from the gradebook.
    func open(_ id: Int64) throws -> (test: Assessment, attempt: RecordedAttempt) {
        guard let record = try site.gradebook.attempt(id: id) else { throw WebError(.notFound, "no attempt #\(id)") }
        let test = try site.assessment(record.assessmentID)
        guard record.status == .inProgress else { throw AttemptFinished(attemptID: id) }
        do {
            var attempt = try RecordedAttempt.resume(record, of: test, in: site.gradebook)
            attempt.checkTime()
            if attempt.session.ending == .timedOut {
                _ = try attempt.finish()
                throw AttemptFinished(attemptID: id)
            }
            return (test, attempt)
        } catch let error as RecordedAttemptError {
            throw WebError(.conflict, error.description)
        }
    }

    /// Records the answer to the current item and says what the policy lets the learner see.
    ///
    /// - Parameters:
    ///   - itemID: The item the learner answered; it must be the attempt's current item, so
    ///     an answer from a stale page is refused instead of landing on another item.
    ///   - response: nil skips the item (it counts as unanswered).
    func answer(_ id: Int64, itemID: String, response: ItemResponse?) throws -> AttemptState {
        var (test, attempt) = try open(id)
        guard let current = attempt.session.current else {
            throw WebError(.conflict, "attempt #\(id) has no item waiting for an answer; submit it", field: "itemID")
        }
        guard current.id == itemID else {
            throw WebError(.conflict, "item '\(itemID.prefix(60))' is not the one this attempt is asking (reload the page)", field: "itemID")
        }
        let outcome = try attempt.answer(response)
        if outcome.ending == .timedOut || outcome.ending == .removed { return try finish(test, &attempt) }
        return AttemptState(test: test, attempt: attempt, outcome: outcome, site: site)
    }

    /// Scores the attempt and closes it; the state then points at the report.
    func submit(_ id: Int64) throws -> AttemptState {
        var (test, attempt) = try open(id)
        return try finish(test, &attempt)
    }

    private func finish(_ test: Assessment, _ attempt: inout RecordedAttempt) throws -> AttemptState {
        _ = try attempt.finish()
        return AttemptState(test: test, attempt: attempt, outcome: nil, site: site)
    }

    /// The current state, for a page or the API.
    func state(_ id: Int64) throws -> AttemptState {
        let (test, attempt) = try open(id)
        return AttemptState(test: test, attempt: attempt, outcome: attempt.session.lastOutcome, site: site)
    }
}

/// Thrown by ``AttemptDesk/open(_:)`` for a finished attempt: pages go to the report instead.
struct AttemptFinished: Error {
    let attemptID: Int64
}
