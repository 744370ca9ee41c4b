import Foundation
import Grading
import Testing

@testable import Gradebook

struct GroupCommitTests {
    @Test func concurrentWritesShareCommitsAndOneThatFailsUndoesOnlyItself() async throws {
        let directory = DataDirectory()
        let gradebook = try Gradebook.open(directory: directory.path)
        try gradebook.write { db in try db.execute("CREATE TABLE probe (id INTEGER PRIMARY KEY, value INTEGER NOT NULL)") }
        let outcomes = try await withThrowingTaskGroup(of: (Int, Bool).self) { group in
            for number in 0..<64 {
                group.addTask {
                    do {
                        try gradebook.write { db in
                            try db.execute("INSERT INTO probe (id, value) VALUES (?, ?)", number, number)
                            // Every seventh write fails after writing: its row must go, the others stay.
                            if number % 7 == 0 { try db.execute("INSERT INTO probe (id, value) VALUES (?, NULL)", 1000 + number) }
                        }
                        return (number, true)
                    } catch {
                        return (number, false)
                    }
                }
            }
            return try await group.reduce(into: [Int: Bool]()) { $0[$1.0] = $1.1 }
        }
        let stored = try gradebook.read { db in try db.values(Int.self, "SELECT id FROM probe ORDER BY id") }
        let succeeded = outcomes.filter(\.value).map(\.key).sorted()
        #expect(stored == succeeded)
        #expect(succeeded == (0..<64).filter { $0 % 7 != 0 })
    }

    @Test func aGroupedWriteReturnsItsOwnValue() throws {
        let gradebook = try Gradebook.open(directory: DataDirectory().path)
        let value = try gradebook.write { _ in "mine" }
        #expect(value == "mine")
    }
}
