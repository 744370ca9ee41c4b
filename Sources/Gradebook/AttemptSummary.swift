public import Foundation
public import Grading

/// An attempt as lists show it: without its items and its report, so listing thousands of
/// attempts reads a few columns, never every report's JSON.
public struct AttemptSummary: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64
    public var assessmentID: String
    public var startedAt: Date
    public var finishedAt: Date?
    public var status: Attempt.Status
    public var score: Double?
    public var passed: Bool?
    public var purpose: AttemptPurpose

    /// The columns a summary reads, in an index that holds them all (see the schemas).
    static let columns = "id, assessmentID, startedAt, finishedAt, status, score, passed, purpose"

    /// Read column by column: `history` lists thousands of summaries, and decoding each
    /// through Codable was 40% of its time. A value of the wrong type throws, as Codable did.
    init(row: SQLRow) throws {
        id = try row.decode(Int64.self, "id")
        assessmentID = try row.decode(String.self, "assessmentID")
        startedAt = try row.decode(Date.self, "startedAt")
        finishedAt = try row.decode(Date?.self, "finishedAt")
        status = try row.decode(Attempt.Status.self, "status")
        score = try row.decode(Double?.self, "score")
        passed = try row.decode(Bool?.self, "passed")
        purpose = try row.decode(AttemptPurpose.self, "purpose")
    }
}
