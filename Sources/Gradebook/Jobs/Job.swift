public import Foundation

/// One piece of batch work (re-scoring, cohort statistics, an export) waiting for, or done
/// by, a `groundwork worker`. Requests only enqueue; any worker of any machine sharing the
/// gradebook claims it, so a slow job never holds a web request and a killed worker's job is
/// claimed again when its lease runs out.
public struct Job: StoredRecord, Sendable, Equatable, Identifiable {
    /// What the job does.
    public enum Kind: String, Codable, Sendable, CaseIterable, SQLValueConvertible {
        /// Replays every finished attempt at a test against its files as they are now (after a
        /// gold fix), keeping each changed attempt's old result in a ``Rescore``.
        case rescore
        /// Item analysis of a cohort's latest finished exams at a test.
        case cohortStatistics = "cohort-statistics"
        /// A cohort's finished exams at a test as answers files.
        case export
    }

    public enum Status: String, Codable, Sendable, SQLValueConvertible {
        /// Waiting for a worker (again, after a failure that may pass, once `runAfter` is reached).
        case queued
        /// A worker holds it until `leaseUntil`.
        case running
        case done
        /// It failed for good; `error` says why.
        case failed
    }

    public var id: Int64?
    public var kind: Kind
    /// The test it is about.
    public var assessmentID: String
    /// The cohort it is about (statistics, export); nil for a re-score, which covers everyone.
    public var cohortID: Int64?
    public var status: Status
    /// The username (or `cli`) who asked for it.
    public var requestedBy: String
    public var createdAt: Date
    /// Not claimed before this moment (a retry's back-off).
    public var runAfter: Date
    /// How many times a worker claimed it.
    public var tries: Int
    /// The worker that holds or last held it (`worker:<pid>@<host>`).
    public var worker: String?
    public var claimedAt: Date?
    /// A running job whose lease ran out is claimed again: its worker is taken to be gone.
    public var leaseUntil: Date?
    public var finishedAt: Date?
    /// What a finished job made, as JSON (the kind decides the shape).
    public var resultJSON: String?
    /// Why the last try failed.
    public var error: String?

    public static let tableName = "job"
}
