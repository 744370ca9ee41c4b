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

    public static let databaseTableName = "attempt"
    public static var databaseSelection: [any SQLSelectable] { CodingKeys.allCases.map { Column($0.rawValue) } }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, assessmentID, startedAt, finishedAt, status, score, passed, purpose
    }
}
