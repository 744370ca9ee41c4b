public import Foundation
public import GRDB
public import Grading

/// An attempt as lists show it: without its items and its report, so listing thousands of
/// attempts reads a few columns, never every report's JSON.
public struct AttemptSummary: Codable, Sendable, Equatable, Identifiable, FetchableRecord, TableRecord {
    public var id: Int64
    public var assessmentID: String
    public var startedAt: Date
    public var finishedAt: Date?
    public var status: Attempt.Status
    public var score: Double?
    public var passed: Bool?
    public var purpose: AttemptPurpose

    /// Read column by column: `history` lists thousands of summaries, and decoding each
    /// through Codable was 40% of its time. A value of the wrong type throws, as Codable did.
    public init(row: Row) throws {
        id = try row.decode(forColumn: CodingKeys.id.rawValue)
        assessmentID = try row.decode(forColumn: CodingKeys.assessmentID.rawValue)
        startedAt = try row.decode(forColumn: CodingKeys.startedAt.rawValue)
        finishedAt = try row.decode(forColumn: CodingKeys.finishedAt.rawValue)
        status = try row.decode(forColumn: CodingKeys.status.rawValue)
        score = try row.decode(forColumn: CodingKeys.score.rawValue)
        passed = try row.decode(forColumn: CodingKeys.passed.rawValue)
        purpose = try row.decode(forColumn: CodingKeys.purpose.rawValue)
    }

    public static let databaseTableName = "attempt"
    public static var databaseSelection: [any SQLSelectable] { CodingKeys.allCases.map { Column($0.rawValue) } }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, assessmentID, startedAt, finishedAt, status, score, passed, purpose
    }
}
