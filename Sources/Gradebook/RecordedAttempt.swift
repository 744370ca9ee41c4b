public import Foundation
public import Grading

/// An attempt being taken, with every answer written to the gradebook before the session
/// acts on it. It is rebuilt from the record by feeding the session the recorded answers
/// again, so an attempt killed at any moment continues exactly where its last recorded answer
/// left it, and a stateless server can load it on every request.
///
/// Time: the attempt's clock counts *active* seconds, the wall time since it started minus
/// each interruption (from the last activity to the resumption). The gaps are kept and shown,
/// so the clock is honest about them without a crash costing the learner time.
public struct RecordedAttempt: Sendable {
    public let book: LearnerBook
    /// Who takes it; every write is refused once someone else took the attempt over.
    public let holder: String
    public private(set) var record: Attempt
    public private(set) var session: AttemptSession
    public private(set) var resumptions: [Resumption]
    /// Items the learner flagged to come back to (where the policy lets them go back).
    public private(set) var flagged: Set<String>
    /// Active seconds at which the current item was shown, for each answer's time spent.
    private var shownAt: Double
    /// The outcome of each replayed answer saved with a client sequence, so a repeated save
    /// gets the same outcome and writes nothing.
    private var replayed: [Int64: (responseJSON: String, outcome: AttemptSession.Outcome)]

    public var id: Int64 { record.id ?? 0 }

    /// Rebuilds `attempt` by replaying its answers, writing nothing: what a stateless server
    /// does on every request, and what ``resume(_:of:in:holder:takingOver:)`` does first.
    ///
    /// Answers are matched to items by id: one recorded for an item other than the session's
    /// current one (a duplicate from a second taker) is kept in the record but not fed to the
    /// session, so a later item never gets an answer meant for an earlier one. Where the policy
    /// lets the learner go back, the session goes to each answer's item first, so a changed
    /// answer replaces the earlier one as it did when given.
    ///
    /// - Throws: ``RecordedAttemptError`` when the assessment changed so that a recorded
    ///   item or answer no longer fits.
    public static func load(_ attempt: Attempt, of assessment: Assessment, in book: LearnerBook, holder: String) throws -> RecordedAttempt {
        let id = attempt.id ?? 0
        let plan = AttemptPlan(seed: UInt64(bitPattern: attempt.seed), itemIDs: attempt.itemIDs, assessment: assessment)
        var session: AttemptSession
        do {
            session = try AttemptSession(assessment: assessment, plan: plan, purpose: attempt.purpose)
        } catch {
            throw RecordedAttemptError.assessmentChanged(attempt: id, reason: error.description)
        }
        let answers = try book.answers(attemptID: id)
        let resumptions = try book.resumptions(attemptID: id)
        let flagged = try book.flaggedItems(attemptID: id)
        var replayed: [Int64: (String, AttemptSession.Outcome)] = [:]
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
            // A written answer recorded with a grade grades the answer given before it; it is
            // never a new answer (front ends send the text alone).
            if case .rubric(let graded)? = response, graded.effectiveGrade != nil {
                session.grade(answer.itemID, graded)
                continue
            }
            if session.allowsGoingBack { session.go(to: answer.itemID) }
            guard answer.itemID == session.current?.id else { continue }
            let outcome = session.answer(
                response, at: activeSeconds(at: answer.answeredAt, since: attempt.startedAt, resumptions: resumptions))
            if let sequence = answer.clientSequence { replayed[sequence] = (answer.responseJSON, outcome) }
        }
        let lastShown = ([attempt.startedAt] + answers.map(\.answeredAt) + resumptions.map(\.resumedAt)).max() ?? attempt.startedAt
        return RecordedAttempt(
            book: book, holder: holder, record: attempt, session: session, resumptions: resumptions, flagged: flagged,
            shownAt: activeSeconds(at: lastShown, since: attempt.startedAt, resumptions: resumptions), replayed: replayed)
    }

    /// Picks up `attempt` (in progress) again, as a terminal does at start-up: replays its
    /// answers, then claims it for `holder` and records the resumption.
    ///
    /// - Throws: ``RecordedAttemptError`` when the assessment changed (nothing is written then),
    ///   or ``GradebookError/heldElsewhere(attemptID:holder:since:)`` unless `takingOver`.
    public static func resume(
        _ attempt: Attempt, of assessment: Assessment, in book: LearnerBook, holder: String, takingOver: Bool = false
    ) throws -> RecordedAttempt {
        // Checked before anything is written (a changed assessment is refused)…
        let checked = try load(attempt, of: assessment, in: book, holder: holder)
        try book.resume(attemptID: checked.id, holder: holder, takingOver: takingOver)
        // …and replayed again once claimed, with the resumption just recorded: the previous
        // holder may have saved answers between the first read and the claim, and asking those
        // items again would record them twice (found by Tests/Soak). Nobody else can save now.
        return try load(try book.attempt(id: checked.id) ?? attempt, of: assessment, in: book, holder: holder)
    }

    /// Records a resumption when the attempt sat idle longer than `seconds` (a web learner
    /// coming back after a real gap); a heartbeat within it keeps the clock running.
    @discardableResult
    public mutating func resumeIfIdle(longerThan seconds: TimeInterval) throws -> Resumption? {
        guard book.now().timeIntervalSince(record.lastActivityAt) > seconds,
            let resumption = try book.resumeIfIdle(attemptID: id, holder: holder, longerThan: seconds)
        else { return nil }
        try record(resumption)
        return resumption
    }

    /// The taker is still there: a heartbeat from a visible web page, about every 30 s.
    public mutating func touch() throws {
        try book.touch(attemptID: id, holder: holder)
        record.lastActivityAt = book.now()
    }

    private mutating func record(_ resumption: Resumption) throws {
        resumptions.append(resumption)
        record.lastActivityAt = resumption.resumedAt
        record.holder = holder
        shownAt = Self.activeSeconds(at: resumption.resumedAt, since: record.startedAt, resumptions: resumptions)
    }

    /// Active seconds from `start` to `date`: wall time minus the gaps of resumptions made by then.
    static func activeSeconds(at date: Date, since start: Date, resumptions: [Resumption]) -> Double {
        let gaps = resumptions.filter { $0.resumedAt <= date }.reduce(0) { $0 + $1.gap }
        return max(0, date.timeIntervalSince(start) - gaps)
    }

    /// Active seconds now.
    public var elapsed: Double {
        Self.activeSeconds(at: book.now(), since: record.startedAt, resumptions: resumptions)
    }

    /// Seconds left on the timer now, from the record and the gradebook's clock; nil when untimed.
    public var secondsLeft: Double? { session.secondsLeft(at: elapsed) }

    /// The whole time the attempt sat interrupted.
    public var interruptedSeconds: Double { resumptions.reduce(0) { $0 + $1.gap } }

    /// Whether a save with this client sequence is already recorded: a repeat, which
    /// ``answer(_:clientSequence:)`` answers with the first outcome, whatever item is current now.
    public func hasSaved(clientSequence: Int64) -> Bool { replayed[clientSequence] != nil }

    /// Writes the answer to the current item, then lets the session judge it.
    ///
    /// - Parameter clientSequence: The taker's number for this save; a save repeated with it
    ///   (a retried request) returns the first save's outcome and writes nothing.
    /// - Throws: ``GradebookError`` when the save is refused (the attempt was taken over or
    ///   finished elsewhere, the file cannot be written); the session is then unchanged.
    public mutating func answer(_ response: ItemResponse?, clientSequence: Int64? = nil) throws -> AttemptSession.Outcome {
        let response = response.map(Self.textAlone)
        let responseJSON = ItemResponse.recordedJSON(response)
        if let clientSequence, let earlier = replayed[clientSequence] {
            guard earlier.responseJSON == responseJSON else {
                throw GradebookError.answerConflict(attemptID: id, clientSequence: clientSequence)
            }
            return earlier.outcome
        }
        guard let item = session.current else { return session.answer(response, at: elapsed) }
        let at = elapsed
        var probe = session
        let outcome = probe.answer(response, at: at)
        try book.recordAnswer(
            attemptID: id, holder: holder, itemID: item.id, clientSequence: clientSequence, responseJSON: responseJSON,
            secondsSpent: max(0, at - shownAt), score: outcome.counted ? probe.given.last?.score.score : nil)
        session = probe
        shownAt = at
        record.lastActivityAt = book.now()
        if let clientSequence { replayed[clientSequence] = (responseJSON, outcome) }
        return outcome
    }

    /// Records a grade of the rubric part of the written answer given to `itemID` (the
    /// learner's self-grade after the model answer was revealed, or a mentor's), as one more
    /// answer row whose response is the same text with the grade. In progress the holder
    /// writes it like any answer; once finished, the stored result is scored again with it
    /// (keeping when it started and its active time) and replaces the old one.
    ///
    /// - Returns: The attempt's new result when it is finished; nil while in progress.
    /// - Throws: ``RubricGradeError`` when the item has no written answer with this text, or a
    ///   ``GradebookError`` when the write is refused.
    @discardableResult
    public mutating func grade(_ itemID: String, _ graded: RubricAnswer) throws -> AttemptResult? {
        var probe = session
        guard probe.grade(itemID, graded) else { throw RubricGradeError(itemID: itemID) }
        let responseJSON = ItemResponse.recordedJSON(.rubric(graded))
        guard record.status != .inProgress else {
            try book.recordAnswer(attemptID: id, holder: holder, itemID: itemID, responseJSON: responseJSON, secondsSpent: 0)
            session = probe
            return nil
        }
        let stored = record.resultJSON.flatMap { try? JSONDecoder().decode(AttemptResult.self, from: Data($0.utf8)) }
        var result = probe.result(learner: stored?.learner)
        result.startedAt = stored?.startedAt ?? record.startedAt.formatted(.iso8601)
        result.activeSeconds = stored?.activeSeconds
        try book.recordGrade(
            attemptID: id, itemID: itemID, responseJSON: responseJSON, score: result.score, passed: result.passed,
            resultJSON: result.jsonText())
        session = probe
        record = try book.attempt(id: id) ?? record
        return result
    }

    /// A written answer as it may be given: its text alone. A grade comes after the model
    /// answer is revealed, through ``grade(_:_:)``; one sent with the text (from an answers
    /// file or the API) is dropped, so the replay never mistakes an answer for a grade.
    private static func textAlone(_ response: ItemResponse) -> ItemResponse {
        guard case .rubric(let answer) = response else { return response }
        return .rubric(RubricAnswer(text: answer.text))
    }

    /// Shows `itemID` to answer again, where the policy lets the learner go back; writes
    /// nothing (a reload shows the next unanswered item). Returns false when not allowed.
    @discardableResult
    public mutating func go(to itemID: String) -> Bool {
        guard session.go(to: itemID) else { return false }
        shownAt = elapsed
        return true
    }

    /// Flags or unflags an item of this attempt for review before submitting.
    ///
    /// - Throws: ``FlagError`` when the policy does not let the learner go back, or the item
    ///   is not in this attempt; a ``GradebookError`` when the write is refused.
    public mutating func flag(_ itemID: String, _ on: Bool = true) throws {
        guard session.allowsGoingBack else { throw FlagError.linear }
        guard session.items.contains(where: { $0.id == itemID }) else { throw FlagError.unknownItem(itemID) }
        try book.setFlag(attemptID: id, holder: holder, itemID: itemID, flagged: on)
        if on { flagged.insert(itemID) } else { flagged.remove(itemID) }
    }

    /// Ends the attempt if its time ran out while the learner was away or thinking.
    public mutating func checkTime() {
        if let left = secondsLeft, left <= 0 { session.timeRanOut() }
    }

    /// Scores the attempt and closes it in the gradebook with its full result, dated and
    /// with its active time.
    public mutating func finish(learner: String? = nil) throws -> AttemptResult {
        session.submit()
        var result = session.result(learner: learner)
        result.startedAt = record.startedAt.formatted(.iso8601)
        result.activeSeconds = elapsed
        let status: Attempt.Status
        switch session.ending {
        case .timedOut: status = .timedOut
        case .removed: status = .removed
        case .completed, nil: status = .submitted
        }
        try book.finishAttempt(
            id, holder: holder, status: status, score: result.score, passed: result.passed, resultJSON: result.jsonText())
        record = try book.attempt(id: id) ?? record
        return result
    }
}

/// Why an item could not be flagged.
public enum FlagError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The test goes forward only, so there is no coming back to a flagged item.
    case linear
    case unknownItem(String)

    public var description: String {
        switch self {
        case .linear:
            return "this test goes forward only (navigation: linear): an answer is final once given, so there is nothing to flag"
        case .unknownItem(let id): return "item '\(id.prefix(60))' is not in this attempt"
        }
    }
}
