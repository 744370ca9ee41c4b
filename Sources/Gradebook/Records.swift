public import Foundation
public import Grading

/// One try at one assessment: which items were drawn (and with which seed, so the same draw
/// can be made again), when it started and ended, and how it went.
public struct Attempt: StoredRecord, Sendable, Equatable, Identifiable {
    public enum Status: String, Codable, Sendable, SQLValueConvertible, CustomStringConvertible {
        /// Answers are still being given; `take` resumes it.
        case inProgress
        /// The learner finished and the attempt was scored.
        case submitted
        /// The time limit ran out; answers given after it do not count.
        case timedOut
        /// Work mode ended it early: accuracy on hidden gold fell below the threshold.
        case removed
        /// The learner gave up on it.
        case abandoned

        /// In words, for reports.
        public var description: String {
            switch self {
            case .inProgress: return "in progress"
            case .submitted: return "submitted"
            case .timedOut: return "time ran out"
            case .removed: return "removed by work-mode accuracy"
            case .abandoned: return "abandoned"
            }
        }
    }

    public var id: Int64?
    /// Whose attempt it is (``Gradebook/localLearner`` on a single-user install).
    public var learnerID: String
    public var assessmentID: String
    /// A digest of the assessment's files, so a report knows if they changed since.
    public var assessmentVersion: String
    public var seed: Int64
    /// The items drawn, in the order shown, as a JSON array of ids.
    public var itemIDs: [String]
    public var startedAt: Date
    public var finishedAt: Date?
    public var status: Status
    /// Weighted total in [0, 1], once scored.
    public var score: Double?
    public var passed: Bool?
    /// The full report (the documented report JSON), once scored.
    public var resultJSON: String?
    /// Who is taking it: `cli:<pid>@<host>` for a terminal, a token for a web session; nil
    /// before anybody claimed it.
    public var holder: String?
    /// When ``holder`` claimed it.
    public var heldSince: Date?
    /// The last moment the taker was seen (an answer, a heartbeat, a resumption): the start
    /// of the gap a later resumption takes off the clock.
    public var lastActivityAt: Date
    /// A simulated exam or practice; only exams count towards attempt limits, retake delays
    /// and prerequisites. Run it under ``Grading/Assessment/running(as:)`` with this purpose.
    public var purpose: AttemptPurpose

    public static let tableName = "attempt"
}

extension AttemptPurpose: SQLValueConvertible {}

/// One answer, written the moment it is given. A learner may answer an item more than once
/// (training pools ask until it is right); `sequence` orders them and policies decide which counts.
public struct Answer: StoredRecord, Sendable, Equatable {
    public var id: Int64?
    public var attemptID: Int64
    public var itemID: String
    public var sequence: Int
    /// The response in the documented answers-JSON shape of its item kind.
    public var responseJSON: String
    public var answeredAt: Date
    /// Seconds from showing the item to answering it.
    public var secondsSpent: Double
    /// The item's score in [0, 1] when the policy scores as it goes, else nil.
    public var score: Double?
    /// The number the taker gave this save, so a repeated save (a retried request) is
    /// recognised and not recorded twice; nil when the taker does not number its saves.
    public var clientSequence: Int64?

    public static let tableName = "answer"
}

/// When an interrupted attempt was picked up again, so the clock can be honest about the gap.
public struct Resumption: StoredRecord, Sendable, Equatable {
    public var id: Int64?
    public var attemptID: Int64
    public var resumedAt: Date
    /// The last moment anything was recorded before the interruption.
    public var lastActivityAt: Date

    public static let tableName = "resumption"

    /// How long the attempt sat untouched.
    public var gap: TimeInterval { resumedAt.timeIntervalSince(lastActivityAt) }
}

/// Which lessons a learner has read, and their inline quiz results.
public struct LessonProgress: StoredRecord, Sendable, Equatable {
    public var learnerID: String
    public var lessonID: String
    public var firstReadAt: Date
    public var lastReadAt: Date
    public var timesRead: Int
    public var quizzesAnswered: Int
    public var quizzesCorrect: Int

    public static let tableName = "lessonProgress"
}
