internal import Foundation
public import Grading

/// An attempt being taken, with every answer written to the gradebook before the session
/// acts on it. Resuming rebuilds the session by feeding it the recorded answers again, so an
/// attempt killed at any moment continues exactly where its last recorded answer left it.
///
/// Time: the attempt's clock counts *active* seconds, the wall time since it started minus
/// each interruption (from the last thing recorded to the resumption). The gaps are kept
/// and shown, so the clock is honest about them without a crash costing the learner time.
public struct RecordedAttempt: Sendable {
    public let gradebook: Gradebook
    public private(set) var record: Attempt
    public private(set) var session: AttemptSession
    public private(set) var resumptions: [Resumption]
    /// Active seconds at which the current item was shown, for each answer's time spent.
    private var shownAt: Double

    public var id: Int64 { record.id ?? 0 }

    /// Starts a new attempt at `assessment`, drawing its items with `seed`.
    public static func start(_ assessment: Assessment, in gradebook: Gradebook, seed: UInt64) throws -> RecordedAttempt {
        let plan = AttemptPlan(assessment: assessment, seed: seed)
        let session = try AttemptSession(assessment: assessment, plan: plan)
        let record = try gradebook.startAttempt(
            assessmentID: assessment.id, assessmentVersion: assessment.version, seed: Int64(bitPattern: seed), itemIDs: plan.itemIDs)
        return RecordedAttempt(gradebook: gradebook, record: record, session: session, resumptions: [], shownAt: 0)
    }

    /// Picks up `attempt` (in progress) again: records the resumption, then replays its answers.
    ///
    /// - Throws: ``RecordedAttemptError`` when the assessment changed so that a recorded
    ///   item or answer no longer fits; nothing is written in that case.
    public static func resume(_ attempt: Attempt, of assessment: Assessment, in gradebook: Gradebook) throws -> RecordedAttempt {
        let id = attempt.id ?? 0
        let plan = AttemptPlan(seed: UInt64(bitPattern: attempt.seed), itemIDs: attempt.itemIDs, shufflesOptions: assessment.policy.shuffle)
        var session: AttemptSession
        do {
            session = try AttemptSession(assessment: assessment, plan: plan)
        } catch {
            throw RecordedAttemptError.assessmentChanged(attempt: id, reason: error.description)
        }
        let answers = try gradebook.answers(attemptID: id)
        let earlier = try gradebook.resumptions(attemptID: id)
        for answer in answers {
            guard let item = assessment.item(answer.itemID) else {
                throw RecordedAttemptError.assessmentChanged(attempt: id, reason: "item '\(answer.itemID)' is gone")
            }
            let response: ItemResponse?
            do {
                response = try ItemResponse.decode(recorded: answer.responseJSON, for: item)
            } catch {
                throw RecordedAttemptError.assessmentChanged(
                    attempt: id, reason: "the answer recorded for '\(answer.itemID)' no longer fits it: \(error.message)")
            }
            _ = session.answer(response, at: Self.activeSeconds(at: answer.answeredAt, since: attempt.startedAt, resumptions: earlier))
        }
        let resumption = try gradebook.resume(attemptID: id)
        let all = earlier + [resumption]
        let now = Self.activeSeconds(at: resumption.resumedAt, since: attempt.startedAt, resumptions: all)
        return RecordedAttempt(gradebook: gradebook, record: attempt, session: session, resumptions: all, shownAt: now)
    }

    /// Active seconds from `start` to `date`: wall time minus the gaps of resumptions made by then.
    static func activeSeconds(at date: Date, since start: Date, resumptions: [Resumption]) -> Double {
        let gaps = resumptions.filter { $0.resumedAt <= date }.reduce(0) { $0 + $1.gap }
        return max(0, date.timeIntervalSince(start) - gaps)
    }

    /// Active seconds now.
    public var elapsed: Double {
        Self.activeSeconds(at: gradebook.now(), since: record.startedAt, resumptions: resumptions)
    }

    /// Seconds left on the timer now; nil when untimed.
    public var secondsLeft: Double? { session.secondsLeft(at: elapsed) }

    /// The whole time the attempt sat interrupted.
    public var interruptedSeconds: Double { resumptions.reduce(0) { $0 + $1.gap } }

    /// Writes the answer to the current item, then lets the session judge it.
    public mutating func answer(_ response: ItemResponse?) throws -> AttemptSession.Outcome {
        guard let item = session.current else { return session.answer(response, at: elapsed) }
        let at = elapsed
        var probe = session
        let outcome = probe.answer(response, at: at)
        try gradebook.recordAnswer(
            attemptID: id, itemID: item.id, responseJSON: ItemResponse.recordedJSON(response), secondsSpent: max(0, at - shownAt),
            score: outcome.counted ? probe.given.last?.score.score : nil)
        session = probe
        shownAt = at
        return outcome
    }

    /// Ends the attempt if its time ran out while the learner was away or thinking.
    public mutating func checkTime() {
        if let left = secondsLeft, left <= 0 { session.timeRanOut() }
    }

    /// Scores the attempt and closes it in the gradebook with its full result.
    public mutating func finish(learner: String? = nil) throws -> AttemptResult {
        let result = session.result(learner: learner)
        let status: Attempt.Status
        switch session.ending {
        case .timedOut: status = .timedOut
        case .removed: status = .removed
        case .completed, nil: status = .submitted
        }
        try gradebook.finishAttempt(id, status: status, score: result.score, passed: result.passed, resultJSON: result.jsonText())
        record = try gradebook.attempt(id: id) ?? record
        return result
    }
}

public enum RecordedAttemptError: Error, Sendable, CustomStringConvertible {
    case assessmentChanged(attempt: Int64, reason: String)

    public var description: String {
        switch self {
        case .assessmentChanged(let attempt, let reason):
            return "attempt #\(attempt) cannot be resumed because the assessment changed since it started (\(reason)); "
                + "its answers are kept — run 'groundwork take ID --abandon' to close it and start afresh"
        }
    }
}
