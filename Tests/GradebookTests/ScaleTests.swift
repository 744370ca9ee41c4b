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

    static func timed(_ body: () throws -> Void) rethrows -> Duration {
        let start = ContinuousClock.now
        try body()
        return .now - start
    }
}
