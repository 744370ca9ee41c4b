import Foundation
public import Grading

/// What a history line says of one test and purpose: how many attempts, the best and the
/// latest scored one, and the latest scores for a trend.
public struct AttemptTally: Sendable, Equatable {
    /// A scored attempt's outcome.
    public struct Outcome: Sendable, Equatable {
        public var score: Double
        public var passed: Bool?
    }

    public var assessmentID: String
    public var purpose: AttemptPurpose
    /// Every attempt of this purpose, whatever its status.
    public var count: Int
    /// The highest score, from the first attempt that reached it; nil when none was scored.
    public var best: Outcome?
    /// The newest scored attempt's outcome.
    public var latest: Outcome?
    /// The newest scores, oldest first, at most the limit asked for.
    public var recentScores: [Double]
    /// How many attempts were scored (more than `recentScores` holds when the limit cut it).
    public var scoredCount: Int
}

extension LearnerBook {
    /// One tally per test and purpose the learner attempted (at `assessmentID` only, when
    /// given), the tests in the order the learner first tried them.
    ///
    /// Computed in the database from the covering index of attempt lists, a few rows per
    /// test, so a history stays quick however many attempts there are (issue 16: 10,000).
    public func attemptTallies(assessmentID: String? = nil, recent limit: Int = 30) throws(GradebookError) -> [AttemptTally] {
        try gradebook.read { db in
            let groups = try db.rows(
                sql: """
                    SELECT assessmentID, purpose, count(*) AS attempts, count(score) AS scored, min(startedAt) AS firstAt
                    FROM attempt WHERE learnerID = ?\(assessmentID == nil ? "" : " AND assessmentID = ?")
                    GROUP BY assessmentID, purpose
                    """,
                arguments: [learnerID.sqlValue] + (assessmentID.map { [$0.sqlValue] } ?? []))
            var firstTried: [String: Date] = [:]
            for group in groups {
                let id = try group.decode(String.self, "assessmentID")
                let at = try group.decode(Date.self, "firstAt")
                firstTried[id] = min(firstTried[id] ?? at, at)
            }
            var tallies: [AttemptTally] = []
            for group in groups {
                let test = try group.decode(String.self, "assessmentID")
                let purposeName = try group.decode(String.self, "purpose")
                guard let purpose = AttemptPurpose(rawValue: purposeName) else { continue }
                let scope = "FROM attempt WHERE learnerID = ? AND assessmentID = ? AND purpose = ? AND score IS NOT NULL"
                let outcome = { (row: SQLRow) throws -> AttemptTally.Outcome in
                    AttemptTally.Outcome(score: try row.decode(Double.self, "score"), passed: try row.decode(Bool?.self, "passed"))
                }
                let best = try db.rows(
                    "SELECT score, passed \(scope) ORDER BY score DESC, startedAt, id LIMIT 1", learnerID, test, purposeName)
                let recent = try db.rows(
                    "SELECT score, passed \(scope) ORDER BY startedAt DESC, id DESC LIMIT ?", learnerID, test, purposeName, limit)
                tallies.append(
                    AttemptTally(
                        assessmentID: test, purpose: purpose, count: try group.decode(Int.self, "attempts"),
                        best: try best.first.map(outcome),
                        latest: try recent.first.map(outcome),
                        recentScores: try recent.reversed().map { try $0.decode(Double.self, "score") },
                        scoredCount: try group.decode(Int.self, "scored")))
            }
            // Tests in the order first tried; within a test, exams before practice.
            return tallies.sorted {
                (firstTried[$0.assessmentID]!, $0.assessmentID, $0.purpose == .exam ? 0 : 1)
                    < (firstTried[$1.assessmentID]!, $1.assessmentID, $1.purpose == .exam ? 0 : 1)
            }
        }
    }
}
