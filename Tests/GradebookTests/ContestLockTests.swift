import Courseware
import Foundation
import Grading
import Testing

@testable import Gradebook

/// Mentors accepting contests on one test at the same moment (two terminals, or the
/// terminal and the web app) must not lose each other's edits to `items.yaml`.
struct ContestLockTests {
    static let count = 6

    /// `count` yes/no items whose gold is all "no", one line each, so every edit is visible.
    static var items: String {
        (1...count).map {
            "- id: q\($0)\n  kind: single-choice\n  prompt: Is it?\n  options: [yes, no]\n  answer: no\n  reason: It is not.\n"
        }
        .joined(separator: "\n")
    }

    @Test(arguments: TestStore.all) func concurrentAcceptancesEachKeepTheirEdit(store: TestStore) throws {
        let directory = TestDatabase(store)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lock-\(UUID().uuidString)/yes-no").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "---\ntitle: Yes or no\npass-mark: 50%\npolicy:\n  attempts: unlimited\n---\nGo.\n".write(
            toFile: folder + "/assessment.md", atomically: true, encoding: .utf8)
        try Self.items.write(toFile: folder + "/items.yaml", atomically: true, encoding: .utf8)
        let test = try AssessmentLoader().loadChecked(folder: folder)
        let gradebook = try directory.open(clock: TestClock().now)
        var filed: [Int64] = []
        for index in 1...Self.count {
            let learner = gradebook.learner("learner-\(index)")
            var attempt = try learner.start(test)
            for _ in 1...Self.count { _ = try attempt.answer(yes) }
            _ = try attempt.finish()
            let contest = try learner.fileContest(attemptID: attempt.id, itemID: "q\(index)", reason: "It is yes.", proposed: yes.json)
            filed.append(try #require(contest.id))
        }
        let contests = filed

        // Each mentor has a gradebook handle of their own, as separate processes would.
        let desks = try (0..<Self.count).map { _ in
            ContestDesk(gradebook: try directory.open(clock: TestClock().now))
        }
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: Self.count) { index in
            do {
                _ = try desks[index].accept(contests[index], folder: folder, gold: nil, reply: nil)
            } catch {
                failures.add("contest \(contests[index]): \(error)")
            }
        }

        #expect(failures.all.isEmpty, "\(failures.all)")
        let edited = try String(contentsOfFile: folder + "/items.yaml", encoding: .utf8)
        #expect(edited == Self.items.replacingOccurrences(of: "  answer: no\n", with: "  answer: \"yes\"\n"))
        #expect(try gradebook.contests(status: .accepted).count == Self.count)
        // Every learner answered yes everywhere: after the last acceptance each scores 100%.
        let scores = try (1...Self.count).map { try gradebook.learner("learner-\($0)").attempts().map(\.score) }
        #expect(scores.allSatisfy { $0 == [1] }, "\(scores)")
    }
}

/// Errors collected from several threads.
private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func add(_ text: String) { lock.withLock { list.append(text) } }
    var all: [String] { lock.withLock { list } }
}
