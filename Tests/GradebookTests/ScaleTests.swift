import Foundation
import GRDB
import Grading
import Testing

@testable import Gradebook

/// The gradebook of a learner who practised a lot: 10,000 attempts, each with a report.
struct ScaleTests {
    @Test func listsAndEligibilityStayFastAtTenThousandAttempts() throws {
        let directory = DataDirectory()
        let gradebook = try Gradebook.open(directory: directory.path)
        let report = String(repeating: "x", count: 4000)
        try gradebook.writer.write { db in
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
        var listed = 0
        var decided: (Eligibility, Begin)?
        let listing = try Self.timed { listed = try book.attempts().count }
        let deciding = try Self.timed { decided = (try book.eligibility(for: test), try book.begin(test, seed: 1, holder: "test")) }
        let opening = try Self.timed { _ = try Gradebook.open(directory: directory.path) }
        #expect(listed == 5000)
        #expect(decided?.0 == .start)
        guard case .started = decided?.1 else { throw TestFailure("not started") }
        #expect(listing < .seconds(1), "listing 5,000 summaries took \(listing)")
        #expect(deciding < .milliseconds(200), "eligibility and begin took \(deciding)")
        #expect(opening < .seconds(2), "opening (integrity_check of a \(10_000 * 4) kB file) took \(opening)")
    }

    /// Lists and counts read indexes that hold every column they need: the table row, whose
    /// report spills over several pages, is read only for the one attempt a command shows.
    @Test func listsAndCountsNeverReadAReport() throws {
        let directory = DataDirectory()
        let gradebook = try Gradebook.open(directory: directory.path)
        let learner = Column("learnerID") == Gradebook.localLearner
        let exams = learner && Column("assessmentID") == "t" && Column("purpose") == AttemptPurpose.exam.rawValue
        try gradebook.writer.read { db in
            let lists = [
                AttemptSummary.filter(learner),
                AttemptSummary.filter(learner && Column("assessmentID") == "t"),
                AttemptSummary.filter(exams),
            ]
            var statements = try lists.map { try $0.order(Column("startedAt").desc, Column("id").desc).makePreparedRequest(db).statement }
            statements.append(try Attempt.filter(exams && Column("passed") == true).select(Column("id")).makePreparedRequest(db).statement)
            statements.append(
                try db.makeStatement(
                    sql: "SELECT COUNT(*) FROM attempt WHERE learnerID = 'local' AND assessmentID = 't' AND purpose = 'exam' AND id <= 5"))
            statements.append(
                try db.makeStatement(
                    sql: """
                        SELECT MAX(finishedAt) FROM attempt
                        WHERE learnerID = 'local' AND assessmentID = 't' AND finishedAt IS NOT NULL AND purpose = 'exam'
                        """))
            for statement in statements {
                let plan = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + statement.sql, arguments: statement.arguments)
                    .map { $0["detail"] as String? ?? "" }.joined(separator: "; ")
                #expect(plan.contains("COVERING INDEX"), "\(statement.sql): \(plan)")
            }
        }
    }

    static func timed(_ body: () throws -> Void) rethrows -> Duration {
        let start = ContinuousClock.now
        try body()
        return .now - start
    }
}
