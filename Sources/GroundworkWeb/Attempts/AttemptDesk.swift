import Foundation
import Gradebook
import Grading
import HTTPTypes

/// Starting, answering and finishing attempts for the web: the one place the pages and the
/// JSON API both call, so they apply the same rules and release the same things. Every
/// answer is written to the gradebook before its outcome is returned, and each request
/// rebuilds the attempt from the gradebook, so a reload or a restarted server loses nothing.
struct AttemptDesk {
    let site: Site
    /// The learner's record the desk reads and writes.
    let book: LearnerBook

    /// A page away longer than this (no answer, no heartbeat) was closed: the gap is recorded
    /// as an interruption and does not count against the time limit.
    static let idleGap: TimeInterval = 90

    /// Resumes the attempt in progress or starts a new one, as the policy and the record allow;
    /// the check and the start are one gradebook transaction.
    ///
    /// - Throws: ``WebError`` 409 with the reason when the learner may not take it now.
    ///
    /// - Parameter purpose: A simulated exam under the test's rules, or practice (any time,
    ///   untimed, feedback after each answer, kept apart from exams).
    func begin(_ test: Assessment, purpose: AttemptPurpose = .exam, seed: UInt64? = nil) throws -> Attempt {
        switch try book.begin(test, seed: seed ?? UInt64.random(in: 0...UInt64(Int64.max)), holder: Site.holder, purpose: purpose) {
        case .resume(let attempt), .started(let attempt): return attempt
        case .refused(let refusal): throw WebError(.conflict, WebText.refusal(refusal, test: test))
        }
    }

    /// The attempt with this id and its test, rebuilt from the gradebook. Loading writes
    /// nothing; a learner coming back after a real gap gets it recorded, so the time away
    /// does not count.
    ///
    /// - Parameter takingOver: Claim an attempt a terminal holds (the learner asked to).
    func open(_ id: Int64, takingOver: Bool = false) throws -> (test: Assessment, attempt: RecordedAttempt) {
        guard let record = try book.attempt(id: id) else { throw WebError(.notFound, "no attempt #\(id)") }
        let test = try site.assessment(for: record)
        guard record.status == .inProgress else { throw AttemptFinished(attemptID: id) }
        do {
            var attempt: RecordedAttempt
            if takingOver {
                attempt = try RecordedAttempt.resume(record, of: test, in: book, holder: Site.holder, takingOver: true)
            } else {
                attempt = try RecordedAttempt.load(record, of: test, in: book, holder: Site.holder)
                try attempt.resumeIfIdle(longerThan: Self.idleGap)
            }
            attempt.checkTime()
            if attempt.session.ending == .timedOut {
                _ = try attempt.finish()
                throw AttemptFinished(attemptID: id)
            }
            return (test, attempt)
        } catch let error as RecordedAttemptError {
            throw WebError(.conflict, error.description)
        } catch GradebookError.heldElsewhere(_, let holder, let since) {
            throw AttemptHeldElsewhere(attemptID: id, holder: holder, since: since)
        }
    }

    /// The page is still open: keeps the clock counting the time as active.
    func heartbeat(_ id: Int64) throws {
        var (_, attempt) = try open(id)
        try attempt.touch()
    }

    /// Records the answer to the current item and says what the policy lets the learner see.
    ///
    /// - Parameters:
    ///   - itemID: The item the learner answered; it must be the attempt's current item, so
    ///     an answer from a stale page is refused instead of landing on another item.
    ///   - response: nil skips the item (it counts as unanswered).
    ///   - clientSequence: The page's number for this answer: a repeated save (a double click,
    ///     a retried request) is recorded once and gets the same outcome.
    func answer(_ id: Int64, itemID: String, response: ItemResponse?, clientSequence: Int64?) throws -> AttemptState {
        var (test, attempt) = try open(id)
        if let clientSequence, attempt.hasSaved(clientSequence: clientSequence) {
            let repeated = try attempt.answer(response, clientSequence: clientSequence)
            return AttemptState(test: test, attempt: attempt, outcome: repeated, site: site)
        }
        if attempt.session.allowsGoingBack { attempt.go(to: itemID) }
        guard let current = attempt.session.current else {
            throw WebError(.conflict, "attempt #\(id) has no item waiting for an answer; submit it", field: "itemID")
        }
        guard current.id == itemID else {
            throw WebError(
                .conflict, "item '\(itemID.prefix(60))' is not the one this attempt is asking (reload the page)", field: "itemID")
        }
        let outcome = try attempt.answer(response, clientSequence: clientSequence)
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

    /// The current state, for a page or the API; `item` (a 1-based number) shows that item
    /// instead, where the test lets the learner go back.
    func state(_ id: Int64, item number: Int? = nil) throws -> AttemptState {
        var (test, attempt) = try open(id)
        guard let number else { return AttemptState(test: test, attempt: attempt, outcome: attempt.session.lastOutcome, site: site) }
        try go(&attempt, to: number)
        return AttemptState(test: test, attempt: attempt, outcome: nil, site: site)
    }

    /// Flags or unflags an item for review before submitting.
    func flag(_ id: Int64, itemID: String, flagged: Bool) throws -> AttemptState {
        var (test, attempt) = try open(id)
        do {
            try attempt.flag(itemID, flagged)
        } catch FlagError.linear {
            throw WebError(.conflict, FlagError.linear.description, field: "itemID")
        } catch let error as FlagError {
            throw WebError(.unprocessableContent, error.description, field: "itemID")
        }
        if let number = attempt.session.items.firstIndex(where: { $0.id == itemID }) { try go(&attempt, to: number + 1) }
        return AttemptState(test: test, attempt: attempt, outcome: nil, site: site)
    }

    private func go(_ attempt: inout RecordedAttempt, to number: Int) throws {
        let items = attempt.session.items
        guard attempt.session.allowsGoingBack else {
            throw WebError(.conflict, "this test goes forward only (navigation: linear): an answer is final once given")
        }
        guard (1...max(1, items.count)).contains(number), number <= items.count else {
            throw WebError(.notFound, "attempt #\(attempt.id) has items 1 to \(items.count), not \(number)")
        }
        attempt.go(to: items[number - 1].id)
    }
}

/// Thrown by ``AttemptDesk/open(_:takingOver:)`` for a finished attempt: pages go to the report instead.
struct AttemptFinished: Error {
    let attemptID: Int64
}

/// The attempt is open in a terminal (`groundwork take`): the page offers to continue it here.
struct AttemptHeldElsewhere: Error {
    let attemptID: Int64
    let message: String

    init(attemptID: Int64, holder: String, since: Date) {
        self.attemptID = attemptID
        let place = AttemptHolder.terminalProcess(of: holder).map { "in a terminal (process \($0.pid))" } ?? "elsewhere"
        message = "attempt #\(attemptID) is open \(place) since \(WebText.moment(since)); continue it here to take it over"
    }
}
