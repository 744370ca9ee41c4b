public import Foundation

/// A learner's claim that an item's gold is wrong, and a mentor's answer to it. Nothing of
/// it is ever deleted: a decision is added to the row, and accepting one records every
/// attempt it re-scored as a ``Rescore``.
public struct Contest: StoredRecord, Sendable, Equatable, Identifiable {
    public enum Status: String, Codable, Sendable, SQLValueConvertible, CaseIterable {
        /// Waiting for a mentor.
        case open
        /// The gold was changed and past attempts re-scored.
        case accepted
        /// The gold stands; the reply says why.
        case rejected
    }

    public var id: Int64?
    /// Who contested.
    public var learnerID: String
    /// The attempt whose report the learner contested from.
    public var attemptID: Int64
    public var assessmentID: String
    public var itemID: String
    /// Why the learner thinks the gold is wrong.
    public var reason: String
    /// The learner's own answer in that attempt (answers-JSON), the gold they propose; nil
    /// when they had not answered.
    public var proposedJSON: String?
    public var filedAt: Date
    public var status: Status
    /// The mentor's answer.
    public var reply: String?
    public var decidedAt: Date?
    /// The gold written when accepted (answers-JSON shape).
    public var goldJSON: String?
    /// The `items.yaml` lines the new gold replaced, as they were.
    public var replacedGold: String?

    public static let tableName = "contest"
}

/// One past attempt re-scored after an accepted contest or by a re-score job: its score
/// before and after, and the whole report it had, so the change can be explained and undone
/// by hand.
public struct Rescore: StoredRecord, Sendable, Equatable {
    public var id: Int64?
    /// The accepted contest that changed the gold, or nil for a job's re-score.
    public var contestID: Int64?
    /// The re-score job, or nil for a contest's.
    public var jobID: Int64?
    public var attemptID: Int64
    public var learnerID: String
    public var oldScore: Double
    public var oldPassed: Bool
    public var oldResultJSON: String
    public var oldAssessmentVersion: String
    public var newScore: Double
    public var newPassed: Bool
    public var rescoredAt: Date

    public static let tableName = "rescore"
}

/// Why a contest could not be filed or decided; each says what to do instead.
public struct ContestError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }

    /// A generated item has no author to answer a contest, and needs none.
    public static let generated = ContestError(
        "a generated item's gold is exact by construction (its picture, sentence or clip was made from it), so there is no author to contest it with; if it looks wrong, that is a bug in Groundwork, please report it"
    )
}
