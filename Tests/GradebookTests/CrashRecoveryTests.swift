import Foundation
import GRDB
import Testing

@testable import Gradebook

/// A process killed mid-commit leaves a hot `-journal` (rollback mode, as v1 files in the
/// wild are) or uncommitted frames in the `-wal`: SQLite's own recovery, not damage.
struct CrashRecoveryTests {
    enum Start: String, CaseIterable, CustomTestStringConvertible {
        case versionOneInRollbackMode, versionTwoInRollbackMode, versionTwoInWAL
        var testDescription: String { rawValue }
    }

    @Test(arguments: Start.allCases)
    func aWriterKilledMidCommitLeavesAGradebookThatOpensWithItsDataIntact(start: Start) throws {
        let directory = DataDirectory()
        switch start {
        case .versionOneInRollbackMode:
            try V1Gradebook.write(to: directory.file)
        case .versionTwoInRollbackMode, .versionTwoInWAL:
            try V1Gradebook.write(to: directory.file)
            _ = try Gradebook.open(directory: directory.path)
        }
        let before = try Self.contents(directory.file)
        let leftover = try Self.killMidCommit(directory.file, rollbackMode: start != .versionTwoInWAL)
        #expect(FileManager.default.fileExists(atPath: directory.file + leftover), "the killed writer left its \(leftover)")
        let book = try Gradebook.open(directory: directory.path).local
        #expect(try Self.contents(directory.file) == before)
        #expect(try book.answers(attemptID: 2).map(\.itemID) == ["q1", "q2"])
        #expect(try book.attempt(id: 1)?.resultJSON == #"{"score":0.75}"#)
    }

    @Test func anIndexThatDisagreesWithItsTableIsDamageAndIsLeftUntouched() throws {
        let directory = DataDirectory()
        try V1Gradebook.write(to: directory.file)
        // The index now claims to sort by another column than the one its entries hold:
        // quick_check does not look, integrity_check does.
        try Self.python(
            """
            c.execute("PRAGMA writable_schema=ON")
            c.execute("UPDATE sqlite_master SET sql='CREATE INDEX \\"attempt_on_assessmentID\\" ON \\"attempt\\"(\\"status\\")' WHERE name='attempt_on_assessmentID'")
            c.commit()
            """, path: directory.file)
        let before = try Data(contentsOf: URL(fileURLWithPath: directory.file))
        #expect {
            try Gradebook.open(directory: directory.path)
        } throws: { error in
            guard case .corrupt = error as? GradebookError else { return false }
            return true
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: directory.file)) == before)
    }

    /// The rows the tests look at, read with Python's sqlite3 (which recovers the file too).
    static func contents(_ path: String) throws -> String {
        try python(
            "print(c.execute('SELECT count(*) FROM answer').fetchone()[0], c.execute('SELECT group_concat(id) FROM (SELECT id FROM attempt ORDER BY id)').fetchone()[0])",
            path: path)
    }

    /// Starts a big write in Python and kills the process before it commits, with a page
    /// cache of one page so the change spills to the file; returns the file it left beside.
    static func killMidCommit(_ path: String, rollbackMode: Bool) throws -> String {
        try python(
            """
            \(rollbackMode ? "c.execute('PRAGMA journal_mode=DELETE')" : "")
            c.execute('BEGIN IMMEDIATE')
            c.execute('PRAGMA cache_size=1')
            for i in range(3000):
                c.execute("INSERT INTO answer (attemptId, itemID, sequence, responseJSON, answeredAt, secondsSpent) VALUES (1, 'x', ?, ?, '2027-01-15 08:00:00.000', 1)", (100 + i, 'y' * 200))
            os._exit(0)
            """, path: path)
        return rollbackMode ? "-journal" : "-wal"
    }

    /// Runs `body` in python3 with `c`, a connection to `path` in autocommit mode, and returns what it printed.
    @discardableResult
    static func python(_ body: String, path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c", "import os, sqlite3, sys\nc = sqlite3.connect(sys.argv[1], isolation_level=None)\n" + body, path,
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw TestFailure("python3 exited with \(process.terminationStatus)") }
        return text
    }
}
