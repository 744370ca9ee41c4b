import Foundation
import GRDB
import Grading
import Testing

@testable import Gradebook

struct ConcurrencyTests {
    @Test(arguments: TestStore.all) func manyTakersAndReadersOnTwoOpenGradebooksLoseAndDuplicateNothing(store: TestStore) async throws {
        let directory = TestDatabase(store)
        let first = try directory.open()
        let second = try directory.open()
        let test = try assessment("  mode: exam\n", items: 4)
        let learners = (1...8).map { "learner-\($0)" }
        var attempts: [String: Int64] = [:]
        for learner in learners { attempts[learner] = try first.learner(learner).start(test, holder: learner).id }
        let answersEach = 25
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, learner) in learners.enumerated() {
                let book = (index.isMultiple(of: 2) ? first : second).learner(learner)
                let attemptID = try #require(attempts[learner])
                group.addTask {
                    for sequence in 1...answersEach {
                        let item = "q\(sequence % 4 + 1)"
                        // Every save is sent twice, as a retried request would be.
                        for _ in 1...2 {
                            try book.recordAnswer(
                                attemptID: attemptID, holder: learner, itemID: item, clientSequence: Int64(sequence),
                                responseJSON: "\"yes\"", secondsSpent: 1)
                        }
                    }
                }
                group.addTask {
                    for _ in 1...answersEach {
                        _ = try book.attempts()
                        _ = try book.answers(attemptID: attemptID)
                    }
                }
            }
            try await group.waitForAll()
        }
        for learner in learners {
            let answers = try second.learner(learner).answers(attemptID: try #require(attempts[learner]))
            #expect(answers.compactMap(\.clientSequence).sorted() == (1...answersEach).map(Int64.init))
            #expect(answers.map(\.sequence) == Array(1...answersEach))
        }
    }

    @Test(arguments: TestStore.all) func twentyConcurrentBeginsOfAOneAttemptTestStartExactlyOneAttempt(store: TestStore) async throws {
        let directory = TestDatabase(store)
        let books = [try directory.open(), try directory.open()].map(\.local)
        let test = try assessment("  mode: exam\n  attempts: 1\n")
        let outcomes = try await withThrowingTaskGroup(of: Begin.self) { group in
            for taker in 0..<20 {
                group.addTask { try books[taker % 2].begin(test, seed: UInt64(taker), holder: "taker-\(taker)") }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let started = outcomes.filter { if case .started = $0 { return true } else { return false } }
        #expect(started.count == 1)
        #expect(outcomes.count == 20)
        #expect(try books[0].attempts().count == 1)
        guard case .started(let attempt) = started.first else { return }
        let resumed = outcomes.compactMap { if case .resume(let other) = $0 { return other.id } else { return nil } }
        #expect(resumed == Array(repeating: attempt.id, count: 19))
        let id = try #require(attempt.id)
        try books[1].finishAttempt(id, holder: try #require(attempt.holder), status: .submitted, score: 1, passed: true, resultJSON: nil)
        #expect(try books[0].begin(test, seed: 1, holder: "late") == .refused(.noAttemptsLeft(used: 1)))
    }

    /// Two servers saving to one attempt at once (a page retrying its saves through either):
    /// every answer gets its own next number, and each repeated save is recorded once. On
    /// PostgreSQL this is SERIALIZABLE with retries doing what SQLite's single writer does.
    @Test(arguments: TestStore.all) func concurrentSavesToOneAttemptAreNumberedInTurnAndRecordedOnce(store: TestStore) async throws {
        let directory = TestDatabase(store)
        let books = [try directory.open(), try directory.open()].map(\.local)
        let attempt = try books[0].start(try assessment("  mode: exam\n", items: 4), holder: "web")
        let saves = 40
        try await withThrowingTaskGroup(of: Void.self) { group in
            for save in 1...saves {
                for copy in 0..<2 {
                    group.addTask {
                        try books[(save + copy) % 2].recordAnswer(
                            attemptID: attempt.id, holder: "web", itemID: "q\(save % 4 + 1)", clientSequence: Int64(save),
                            responseJSON: "\"yes\"", secondsSpent: 1)
                    }
                }
            }
            try await group.waitForAll()
        }
        let answers = try books[1].answers(attemptID: attempt.id)
        #expect(answers.map(\.sequence) == Array(1...saves))
        #expect(answers.compactMap(\.clientSequence).sorted() == (1...Int64(saves)).map { $0 })
    }

    /// What `history` does while a `take` writes: open the file (inspecting it) and read.
    @Test func openingTheGradebookWhileAnotherWritesNeverFindsItDamaged() async throws {
        let directory = DataDirectory()
        try V1Gradebook.write(to: directory.file)
        let path = directory.path
        let test = try assessment("  mode: exam\n", items: 4, id: "other")
        let writer = try Gradebook.open(directory: path).local
        let attemptID = try writer.start(test).id
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for sequence in 1...200 {
                    try writer.recordAnswer(
                        attemptID: attemptID, holder: "test", itemID: "q1", responseJSON: "\"yes\"", secondsSpent: Double(sequence))
                }
            }
            group.addTask {
                for _ in 1...20 {
                    let reader = try Gradebook.open(directory: path).local
                    #expect(try reader.attempts().count == 3)
                }
            }
            try await group.waitForAll()
        }
        #expect(try writer.answers(attemptID: attemptID).count == 200)
    }
}
