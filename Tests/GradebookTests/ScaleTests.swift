import Foundation
import GRDB
import Grading
import Testing

@testable import Gradebook

/// The gradebook of a learner who practised a lot: 10,000 attempts, each with a report.
struct ScaleTests {
    /// Right answers at scale; how fast they come is measured by `Benchmarks/gradebook.sh`
    /// (never here: a timed test fails on a busy machine), and that they read no report is
    /// checked by the query plans below.
    @Test func listsAndEligibilityAreRightAtTenThousandAttempts() throws {
        let directory = DataDirectory()
        let gradebook = try Gradebook.open(directory: directory.path)
        let report = String(repeating: "x", count: 4000)
        try gradebook.sqliteWriter.write { db in
            let insert = try db.makeStatement(
                sql: """
                    INSERT INTO attempt (learnerID, assessmentID, assessmentVersion, seed, itemIDs, startedAt, finishedAt, status, score,
                        passed, resultJSON, lastActivityAt)
                    VALUES (?, ?, 'v', 1, '["q1"]', ?, ?, 'submitted', 0.5, 0, ?, ?)
                    """)
            for index in 0..<10_000 {
                let day = Date(timeIntervalSince1970: 1_700_000_000 + Double(index) * 60)
                try insert.execute(arguments: [
                    index % 2 == 0 ? Gradebook.localLearner : "ana", "test-\(index % 50)", day, day, report, day,
                ])
            }
        }
        let book = gradebook.local
        let test = try assessment("  mode: exam\n  attempts: 1000\n", id: "test-7")
        #expect(try book.attempts().count == 5000)
        // Even rows are this learner's, so test-8's 200 attempts are all theirs and test-7's none.
        #expect(try book.attemptCount(assessmentID: "test-8", purpose: .exam) == 200)
        #expect(try book.attemptCount(assessmentID: "test-7", purpose: .exam) == 0)
        #expect(try book.eligibility(for: test) == .start)
        guard case .started = try book.begin(test, seed: 1, holder: "test") else { throw TestFailure("not started") }
        _ = try Gradebook.open(directory: directory.path)
    }

    /// Lists and counts read indexes that hold every column they need: the table row, whose
    /// report spills over several pages, is read only for the one attempt a command shows.
    @Test func listsAndCountsNeverReadAReport() throws {
        let directory = DataDirectory()
        let gradebook = try Gradebook.open(directory: directory.path)
        // The statements of `attempts`, `eligibility`, `ordinal(of:)` and `nextAllowedStart`.
        let summaries = "SELECT \(AttemptSummary.columns) FROM attempt WHERE learnerID = 'local'"
        let order = " ORDER BY startedAt DESC, id DESC"
        let statements = [
            summaries + order,
            summaries + " AND assessmentID = 't'" + order,
            summaries + " AND assessmentID = 't' AND purpose = 'exam'" + order,
            "SELECT id FROM attempt WHERE learnerID = 'local' AND purpose = 'exam' AND assessmentID = 't' AND passed = 1 LIMIT 1",
            "SELECT count(*) FROM attempt WHERE learnerID = 'local' AND purpose = 'exam' AND assessmentID = 't'",
            "SELECT COUNT(*) FROM attempt WHERE learnerID = 'local' AND assessmentID = 't' AND purpose = 'exam' AND id <= 5",
            """
            SELECT MAX(finishedAt) FROM attempt
            WHERE learnerID = 'local' AND assessmentID = 't' AND finishedAt IS NOT NULL AND purpose = 'exam'
            """,
        ]
        try gradebook.sqliteWriter.read { db in
            for statement in statements {
                let plan = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + statement)
                    .map { $0["detail"] as String? ?? "" }.joined(separator: "; ")
                #expect(plan.contains("COVERING INDEX"), "\(statement): \(plan)")
            }
        }
    }
}
